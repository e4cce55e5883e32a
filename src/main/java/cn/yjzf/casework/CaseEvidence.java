package cn.yjzf.casework;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseEnums.ActKind;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence attachments of a case: upload by a handler during 调查取证, listing and download for everyone who may read
 * the case (its jurisdiction; outside it the same 404 as a missing case), removal with a reason only until the
 * investigation is concluded (调查终结 fixes the evidence the acts were signed on). Every upload, download and removal
 * is audited in the same transaction. {@link #attachmentsOf} is the read interface for other features (案卷 binder).
 */
@Service
public class CaseEvidence {

    /** An attachment with its bytes, as other features consume it. */
    public record EvidenceFile(Long id, String name, String mediaType, byte[] bytes, String sha256, Instant uploadedAt,
                               Long actId, String actKind) {
        public boolean photo() { return mediaType.startsWith("image/"); }
    }

    private static final Set<ActKind> INVESTIGATIVE = EnumSet.of(ActKind.INTERROGATION, ActKind.SITE_EXAMINATION,
            ActKind.EVIDENCE);

    private final CaseworkService cases;
    private final CaseAttachmentRepository attachments;
    private final CaseAttachmentContentRepository contents;
    private final CaseActRepository acts;
    private final CaseTransitionRepository transitions;
    private final AttachmentInspector inspector;
    private final AuditTrail audit;
    private final AppTime time;

    CaseEvidence(CaseworkService cases, CaseAttachmentRepository attachments, CaseAttachmentContentRepository contents,
                 CaseActRepository acts, CaseTransitionRepository transitions, AttachmentInspector inspector,
                 AuditTrail audit, AppTime time) {
        this.cases = cases;
        this.attachments = attachments;
        this.contents = contents;
        this.acts = acts;
        this.transitions = transitions;
        this.inspector = inspector;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public CaseAttachment upload(CurrentUser user, Long caseId, Long actId, String originalName, byte[] bytes) {
        PenaltyCase c = cases.get(user, caseId);
        cases.requireHandler(user, c, time.today());
        c.require(Stage.INVESTIGATION);
        if (actId != null) {
            CaseAct act = acts.findById(actId).filter(a -> a.getCaseId().equals(caseId)).orElse(null);
            if (act == null || !INVESTIGATIVE.contains(act.getKind())) {
                throw new InvalidInputException("actId", "UNKNOWN_ACT", "调查取证记录不存在或不属于本案");
            }
        }
        AttachmentInspector.Inspected file = inspector.inspect(bytes);
        CaseAttachment a = attachments.save(new CaseAttachment(caseId, actId, safeName(originalName, file.mediaType()),
                file, user.id()));
        contents.save(new CaseAttachmentContent(a.getId(), bytes));
        audit.record(user.username(), "CASE_ATTACHMENT_UPLOADED", "PenaltyCase", caseId, "attachment=" + a.getId()
                + "; name=" + a.getFileName() + "; type=" + a.getMediaType() + "; bytes=" + a.getSizeBytes()
                + "; sha256=" + a.getSha256() + (actId == null ? "" : "; act=" + actId));
        return a;
    }

    @Transactional(readOnly = true)
    public List<CaseAttachment> list(CurrentUser user, Long caseId) {
        cases.get(user, caseId);
        return attachments.findByCaseIdOrderById(caseId);
    }

    /** The stored bytes of one attachment (the download is audited). */
    @Transactional
    public EvidenceFile download(CurrentUser user, Long caseId, Long attachmentId) {
        cases.get(user, caseId);
        CaseAttachment a = attachments.findByIdAndCaseId(attachmentId, caseId).filter(x -> !x.isRemoved())
                .orElseThrow(() -> new NotFoundException("附件"));
        audit.record(user.username(), "CASE_ATTACHMENT_DOWNLOADED", "PenaltyCase", caseId,
                "attachment=" + a.getId() + "; sha256=" + a.getSha256());
        return file(a, null);
    }

    @Transactional
    public CaseAttachment remove(CurrentUser user, Long caseId, Long attachmentId, long version, String reason) {
        PenaltyCase c = cases.get(user, caseId);
        cases.requireHandler(user, c, time.today());
        CaseAttachment a = attachments.findByIdAndCaseId(attachmentId, caseId).orElseThrow(() -> new NotFoundException("附件"));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "请填写删除理由");
        }
        if (a.getVersion() != version) {
            throw new ConflictException("CONCURRENT_EDIT", "附件已被他人修改，请刷新后重试");
        }
        if (c.getStage() != Stage.INVESTIGATION || concludedSince(caseId, a.getUploadedAt())) {
            throw new ConflictException("EVIDENCE_FIXED", "调查已终结，证据附件已固定，不能删除");
        }
        a.remove(user.id(), reason.trim());
        audit.record(user.username(), "CASE_ATTACHMENT_REMOVED", "PenaltyCase", caseId, "attachment=" + a.getId()
                + "; name=" + a.getFileName() + "; sha256=" + a.getSha256() + "; reason=" + reason.trim());
        return a;
    }

    /**
     * The case's current evidence (removed ones left out) with bytes, in upload order: photos are pages to merge as
     * images, PDFs pages to append. Scoped like every read: outside the caller's jurisdiction it is a 404.
     */
    @Transactional(readOnly = true)
    public List<EvidenceFile> attachmentsOf(CurrentUser user, Long caseId) {
        cases.get(user, caseId);
        return attachments.findByCaseIdOrderById(caseId).stream().filter(a -> !a.isRemoved())
                .map(a -> file(a, a.getActId() == null ? null : acts.findById(a.getActId()).map(x -> x.getKind().label()).orElse(null)))
                .toList();
    }

    /** Whether 调查终结 has happened since the upload (a returned case may reopen the investigation, not the old evidence). */
    boolean concludedSince(Long caseId, Instant uploadedAt) {
        return transitions.findByCaseIdOrderById(caseId).stream()
                .anyMatch(t -> "CONCLUDE_INVESTIGATION".equals(t.getAction()) && !t.getAt().isBefore(uploadedAt));
    }

    private EvidenceFile file(CaseAttachment a, String actKind) {
        byte[] bytes = contents.findById(a.getId()).map(CaseAttachmentContent::getContent)
                .orElseThrow(() -> new IllegalStateException("attachment " + a.getId() + " has no content"));
        return new EvidenceFile(a.getId(), a.getFileName(), a.getMediaType(), bytes, a.getSha256(), a.getUploadedAt(),
                a.getActId(), actKind);
    }

    /** The last path segment of the browser's file name, without control or direction characters, at most 200. */
    static String safeName(String original, String mediaType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().trim();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        if (name.isBlank() || name.startsWith(".")) {
            name = "附件" + switch (mediaType) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        return name;
    }
}
