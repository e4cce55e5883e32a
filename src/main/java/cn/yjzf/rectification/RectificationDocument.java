package cn.yjzf.rectification;

import cn.yjzf.documents.DocumentType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * An issued 整改复查意见书 or 现场处理措施决定书: number, the data snapshot and template it was rendered from, and the exact
 * PDF served with its SHA-256. Issued documents are never edited ({@link Immutable}).
 */
@Entity
@Immutable
public class RectificationDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long orderId;
    private Long trackId;
    private Long agencyId;
    @Enumerated(EnumType.STRING)
    private DocumentType docType;
    private String documentNo;
    private int docYear;
    private int docSeq;
    private LocalDate issuedOn;
    private Long issuedBy;
    private Instant issuedAt;
    private String template;
    private String snapshotJson;
    private byte[] pdf;
    private String pdfSha256;

    protected RectificationDocument() {
    }

    RectificationDocument(Long orderId, Long trackId, Long agencyId, DocumentType docType, String documentNo, int docYear,
                          int docSeq, LocalDate issuedOn, Long issuedBy, String snapshotJson, byte[] pdf, String pdfSha256) {
        this.orderId = orderId;
        this.trackId = trackId;
        this.agencyId = agencyId;
        this.docType = docType;
        this.documentNo = documentNo;
        this.docYear = docYear;
        this.docSeq = docSeq;
        this.issuedOn = issuedOn;
        this.issuedBy = issuedBy;
        this.issuedAt = Instant.now();
        this.template = docType.template();
        this.snapshotJson = snapshotJson;
        this.pdf = pdf.clone();
        this.pdfSha256 = pdfSha256;
    }

    public Long getId() { return id; }
    public Long getOrderId() { return orderId; }
    public Long getTrackId() { return trackId; }
    public Long getAgencyId() { return agencyId; }
    public DocumentType getDocType() { return docType; }
    public String getDocumentNo() { return documentNo; }
    public int getDocYear() { return docYear; }
    public int getDocSeq() { return docSeq; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public Long getIssuedBy() { return issuedBy; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getTemplate() { return template; }
    public String getSnapshotJson() { return snapshotJson; }
    public byte[] getPdf() { return pdf.clone(); }
    public String getPdfSha256() { return pdfSha256; }
}
