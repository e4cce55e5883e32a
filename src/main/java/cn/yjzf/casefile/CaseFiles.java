package cn.yjzf.casefile;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.casework.Stage;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.ForbiddenException;
import cn.yjzf.documents.DocumentNumbers;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedNumber;
import cn.yjzf.organisation.Agency;
import cn.yjzf.organisation.AgencyRepository;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 案卷 of a case: a draft bound on request while the case is open, and 归档 — once, for a 已结案 case, by a 负责人
 * (APPROVER, who also approves 结案) — which numbers it (文书代字 案), binds it, stores the PDF with its SHA-256 and
 * freezes it. Every read goes through {@link CaseworkService#get}, so a case outside the caller's jurisdiction is the
 * same 404 as a missing one.
 */
@Service
public class CaseFiles {

    /** The bytes to download and whether they are the frozen filed copy. */
    public record Download(byte[] pdf, String filename, boolean filed) {
    }

    private final CaseworkService cases;
    private final CaseFileRepository files;
    private final CaseFileSources sources;
    private final CaseFileBinder binder;
    private final DecisionRecords decisions;
    private final CaseFileProperties properties;
    private final AgencyRepository agencies;
    private final AppUserRepository users;
    private final DocumentNumbers numbers;
    private final cn.yjzf.casework.CaseNumbering numbering;
    private final AuditTrail audit;
    private final AppTime time;

    CaseFiles(CaseworkService cases, CaseFileRepository files, CaseFileSources sources, CaseFileBinder binder,
              DecisionRecords decisions, CaseFileProperties properties, AgencyRepository agencies, AppUserRepository users,
              DocumentNumbers numbers, cn.yjzf.casework.CaseNumbering numbering, AuditTrail audit, AppTime time) {
        this.cases = cases;
        this.files = files;
        this.sources = sources;
        this.binder = binder;
        this.decisions = decisions;
        this.properties = properties;
        this.agencies = agencies;
        this.users = users;
        this.numbers = numbers;
        this.numbering = numbering;
        this.audit = audit;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public Optional<CaseFile> filed(CurrentUser user, Long caseId) {
        cases.get(user, caseId);
        return files.findByCaseId(caseId);
    }

    /** The filed 案卷 as stored, or for a case not yet filed a draft bound from its current documents. */
    @Transactional(readOnly = true)
    public Download download(CurrentUser user, Long caseId) {
        PenaltyCase c = cases.get(user, caseId);
        Optional<CaseFile> filed = files.findByCaseId(caseId);
        if (filed.isPresent()) {
            return new Download(filed.get().getPdf(), "案卷-" + filed.get().getArchiveNo() + ".pdf", true);
        }
        Agency agency = agencies.findById(c.getAgencyId()).orElseThrow();
        BoundCaseFile draft = bind(user, c, agency, header(c, agency, null, null), null);
        return new Download(draft.pdf(), "案卷（草稿）-案件" + caseId + ".pdf", false);
    }

    @Transactional
    public CaseFile file(CurrentUser user, Long caseId) {
        PenaltyCase c = cases.get(user, caseId);
        if (!user.has(Role.APPROVER)) {
            throw new ForbiddenException("NOT_APPROVER", "只有负责人可以归档案卷");
        }
        if (c.getStage() != Stage.CLOSED) {
            throw new ConflictException("CASE_NOT_CLOSED", "案件尚未结案，不能归档");
        }
        if (files.findByCaseId(caseId).isPresent()) {
            throw frozen();
        }
        Agency agency = agencies.findById(c.getAgencyId()).orElseThrow();
        LocalDate today = time.today();
        // a failed binding rolls the transaction back, and with it the drawn number
        IssuedNumber no = numbers.allocate(numbering.request(c, DocumentType.CASE_FILE, today.getYear(), user.id(),
                users.findById(user.id()).map(AppUser::getCertificateNo).orElse(null)));
        BoundCaseFile bound = bind(user, c, agency, header(c, agency, no.documentNo(), today), user.fullName());
        CaseFile file = new CaseFile(caseId, c.getAgencyId(), c.getTownshipId(), no.documentNo(), no.year(), no.seq(), today,
                user.id(), properties.retention(), bound.totalPages(), bound.pdf(), sha256(bound.pdf()));
        CaseFile saved;
        try {
            saved = files.saveAndFlush(file);
        } catch (DataIntegrityViolationException race) { // filed by a concurrent request (uq_case_file_case)
            throw frozen();
        }
        audit.record(user.username(), "CASE_FILE_ARCHIVED", "CaseFile", saved.getId(), saved.getArchiveNo() + " 案件"
                + caseId + " " + saved.getPageCount() + "页 sha256:" + saved.getPdfSha256());
        return saved;
    }

    private static ConflictException frozen() {
        return new ConflictException("CASE_FILE_FROZEN", "案卷已归档，不能再增加、删除或修改");
    }

    private BoundCaseFile bind(CurrentUser user, PenaltyCase c, Agency agency, CaseFileContent.Header header, String filer) {
        CaseFileContent content = new CaseFileContent(header, sources.documentsOf(c.getId()), decisions.of(c),
                sources.attachmentsOf(user, c.getId()));
        return binder.bind(content, properties.filingOrderOf(agency.getId()), filer);
    }

    private CaseFileContent.Header header(PenaltyCase c, Agency agency, String archiveNo, LocalDate archivedOn) {
        CaseFileContent.DecisionRecord d = decisions.of(c);
        String result = d.outcome() + (d.penalty() == null ? "" : "：" + d.penalty())
                + (d.citations().isEmpty() ? "" : "（" + String.join("；", d.citations()) + "）");
        List<String> handlers = c.getHandlerIds().stream().sorted()
                .map(id -> users.findById(id).map(AppUser::getFullName).orElse("#" + id)).toList();
        String issuer = c.getIssuingName() == null ? agency.getName() : c.getIssuingName();
        return new CaseFileContent.Header(issuer, "案件编号 " + c.getId(),
                c.getPartyName() + "安全生产违法行为行政处罚案", c.getCause(), result, c.getFiledOn(), c.getClosedOn(),
                handlers, archivedOn, archiveNo, properties.retention());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
