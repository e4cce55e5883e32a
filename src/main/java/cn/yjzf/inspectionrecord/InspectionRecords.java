package cn.yjzf.inspectionrecord;

import cn.yjzf.documents.ChineseDates;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.InspectionView;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.Jurisdiction;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 现场检查记录 of an inspection, rendered on demand from what was recorded. Read-only: it is neither numbered nor
 * stored yet (docs/documents.md lists this gap), so it changes nothing and needs no audit event.
 */
@Service
public class InspectionRecords {

    private final InspectionService inspections;
    private final AgencyRepository agencies;
    private final PdfRenderer pdf;

    InspectionRecords(InspectionService inspections, AgencyRepository agencies, PdfRenderer pdf) {
        this.inspections = inspections;
        this.agencies = agencies;
        this.pdf = pdf;
    }

    @Transactional(readOnly = true)
    public byte[] render(Jurisdiction j, Long inspectionId) {
        InspectionView view = inspections.view(j, inspectionId); // 404 outside the caller's jurisdiction
        String agency = agencies.findById(view.inspection().getAgencyId()).orElseThrow().getName();
        return pdf.render(DocumentType.INSPECTION_RECORD, Map.of("doc", new InspectionRecordDocument(agency,
                DocumentType.INSPECTION_RECORD.title(), view.enterprise().getName(), view.enterprise().getAddress(),
                view.enterprise().getLegalRepresentative(), view.inspection().getPlace(),
                ChineseDates.format(view.inspection().getInspectionDate()),
                view.officers().stream().map(o -> new InspectionRecordDocument.Officer(o.getFullName(),
                        o.getCertificateNo())).toList(),
                view.findings().stream().map(f -> new InspectionRecordDocument.Line(f.seq(),
                        f.finding().getDescription(), f.finding().getLocation())).toList())));
    }
}
