package cn.yjzf.casedocuments;

import cn.yjzf.casework.CaseAct;
import cn.yjzf.casework.CaseEnums;
import cn.yjzf.casework.CaseExecution;
import cn.yjzf.casework.CaseTransition;
import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.casework.Stage;
import cn.yjzf.common.AppTime;
import cn.yjzf.documents.ChineseDates;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.organisation.Jurisdiction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The data of a case's documents, taken from what the case recorded (never retyped). Every key is always present so a
 * template may use any of them; what the system does not record stays an empty string and the template prints a line
 * to fill by hand (docs/documents.md lists them). Values are strings, booleans, lists and maps only: the snapshot is
 * JSON and re-renders identically.
 */
@Component
class CaseDocumentData {

    private final AppUserRepository users;
    private final EnterpriseService enterprises;
    private final AppTime time;
    private final EnforcementMatterCatalogue matters;
    private final HearingScheduleRepository hearings;
    private final DocumentServiceRepository services;
    private final ServiceMethods methods;

    CaseDocumentData(AppUserRepository users, EnterpriseService enterprises, AppTime time,
                     EnforcementMatterCatalogue matters, HearingScheduleRepository hearings,
                     DocumentServiceRepository services, ServiceMethods methods) {
        this.users = users;
        this.enterprises = enterprises;
        this.time = time;
        this.matters = matters;
        this.hearings = hearings;
        this.services = services;
        this.methods = methods;
    }

    /** Everything a case document may print; {@code act} is the investigative act a 笔录 records (or null). */
    Map<String, Object> of(PenaltyCase c, List<CaseTransition> history, List<CaseAct> acts, List<IssuedDocument> issued,
                           CaseAct act, CaseExecution.ExecutionState execution) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuingName", c.getIssuingName());
        d.put("actingMode", "ENTRUSTED".equals(c.getActingMode()) ? "委托" : "EMPOWERED".equals(c.getActingMode()) ? "赋权" : "");
        d.put("partyName", c.getPartyName());
        d.put("individual", c.getPartyType() == PartyType.INDIVIDUAL);
        d.put("partyTypeLabel", c.getPartyType() == null ? "" : c.getPartyType().label());
        Enterprise e = c.getEnterpriseId() == null ? null
                : enterprises.get(new Jurisdiction(c.getAgencyId(), null), c.getEnterpriseId());
        d.put("partyAddress", e == null ? "" : text(e.getAddress()));
        d.put("legalRepresentative", e == null ? "" : text(e.getLegalRepresentative()));
        d.put("creditCode", e == null ? "" : text(e.getCreditCode()));
        d.put("cause", text(c.getCause()));
        d.put("sourceLabel", c.getSource() == null ? "" : c.getSource().label());
        d.put("sourceRef", text(c.getSourceRef()));
        d.put("matterCode", matter(c.getMatterCode()));
        d.put("filedOn", date(c.getFiledOn()));
        d.put("handlingDeadline", date(c.getHandlingDeadline()));
        d.put("handlers", c.getHandlerIds().stream().map(this::officer).toList());
        d.put("acts", acts.stream().map(this::act).toList());
        d.put("act", act == null ? Map.of() : act(act));
        d.put("outcomeLabel", c.getOutcome() == null ? "" : c.getOutcome().label());
        d.put("penalty", text(c.getProposedPenalty()));
        d.put("fine", money(c.getProposedFine()));
        d.put("band", c.getBandMin() == null && c.getBandMax() == null ? ""
                : money(c.getBandMin()) + "至" + money(c.getBandMax()));
        d.put("reasoning", text(c.getProposalReasoning()));
        d.put("deviationReason", text(c.getDeviationReason()));
        d.put("noticedFine", money(c.getNoticedFine()));
        d.put("filingSubmit", opinion(last(history, null, "SUBMIT_FILING"), "申请立案"));
        d.put("filingApproval", dated(opinion(last(history, Stage.FILING_REVIEW, "APPROVE"), "同意立案"), c.getFiledOn()));
        d.put("handlerOpinion", opinion(last(history, Stage.HANDLING, "SUBMIT"), ""));
        d.put("investigationConcluded", opinion(last(history, Stage.INVESTIGATION, "CONCLUDE_INVESTIGATION"), ""));
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (Stage tier : c.tiers()) {
            Map<String, Object> o = opinion(last(history, tier, "APPROVE"), "同意");
            o.put("label", tier.label());
            tiers.add(o);
        }
        d.put("tiers", tiers);
        d.put("legalReview", opinion(last(history, Stage.TIER_LEGAL, "APPROVE"), "同意"));
        d.put("legalReviewRequired", c.isLegalReviewRequired());
        d.put("collectiveRecord", text(c.getCollectiveRecord()));
        d.put("collective", opinion(last(history, Stage.TIER_HEAD, "APPROVE"), ""));
        d.put("hearingQualifies", c.isHearingQualifies());
        d.put("noticeNo", number(issued, DocumentType.PENALTY_NOTICE));
        d.put("noticeServedOn", date(c.getNoticeServedOn()));
        d.put("hearingRequestedOn", date(c.getHearingRequestedOn()));
        d.put("hearingHeldOn", date(c.getHearingHeldOn()));
        d.put("statement", opinion(last(history, Stage.STATEMENT, "CONCLUDE_STATEMENT"), ""));
        d.put("rightsWaived", c.isRightsWaived());
        d.put("decidedOn", date(c.getDecidedOn()));
        d.put("decisionNo", issued.stream().filter(x -> !x.isSuperseded() && (x.getType() == DocumentType.PENALTY_DECISION_ORGANISATION
                || x.getType() == DocumentType.PENALTY_DECISION_INDIVIDUAL)).map(IssuedDocument::getDocumentNo)
                .filter(Objects::nonNull).reduce((a, b) -> b).orElse(""));
        d.put("decisionServedOn", date(c.getDecisionServedOn()));
        d.put("paidAmount", money(c.getPaidAmount()));
        d.put("paidOn", date(c.getPaidOn()));
        d.put("enforcementAppliedOn", date(c.getEnforcementAppliedOn()));
        d.put("executionDone", c.executionDone());
        d.put("closing", dated(opinion(last(history, Stage.CLOSING_REVIEW, "APPROVE"), "同意结案"), c.getClosedOn()));
        d.put("closedOn", date(c.getClosedOn()));
        d.put("receiptRows", receiptRows(c, issued));
        d.put("summaryPlace", ""); // 当场处罚的地点 is not recorded by the summary case: printed as a line to fill
        d.put("criminalTrigger", text(c.getCriminalTrigger()));
        d.put("criminalFlaggedOn", date(c.getCriminalFlaggedOn()));
        d.put("transferApproved", c.getTransferDecision() == CaseEnums.TransferDecision.TRANSFER);
        d.put("transferDecidedOn", date(c.getTransferDecidedOn()));
        Map<String, Object> transfer = dated(opinion(last(history, null, "DECIDE_TRANSFER"), ""), c.getTransferDecidedOn());
        transfer.put("opinion", ((String) transfer.get("opinion")).replaceFirst("；移送决定：.*$", "")); // the enum, shown in words
        d.put("transferApproval", transfer);
        ExecutionData.put(d, execution);
        d.put("hearing", hearing(c));
        d.put("serviceSource", methods.source());
        return d;
    }

    /**
     * 文书送达回执: one row per served document of the case — those with a recorded service (送达方式, recipient, place,
     * who served), and the 告知书 / 决定书 by the dates of their steps until their service is recorded.
     */
    private List<Map<String, Object>> receiptRows(PenaltyCase c, List<IssuedDocument> issued) {
        Map<Long, DocumentService> served = new java.util.HashMap<>();
        if (c.getId() != null) {
            services.findByCaseIdOrderById(c.getId()).forEach(s -> served.put(s.getDocumentId(), s));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IssuedDocument x : issued) {
            if (x.isSuperseded()) {
                continue;
            }
            DocumentService s = served.get(x.getId());
            LocalDate on = s != null ? s.getServedOn() : switch (x.getType()) {
                case PENALTY_NOTICE, HEARING_NOTICE -> c.getNoticeServedOn();
                case PENALTY_DECISION_ORGANISATION, PENALTY_DECISION_INDIVIDUAL -> c.getDecisionServedOn();
                default -> null;
            };
            if (on != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", x.getTitle().replace("（单位）", "").replace("（个人）", ""));
                r.put("documentNo", text(x.getDocumentNo()));
                r.put("servedOn", date(on));
                r.put("method", s == null ? "" : methods.label(s.getMethod()));
                r.put("recipient", s == null ? "" : text(s.getRecipient()));
                r.put("place", s == null ? "" : text(s.getPlace()));
                r.put("servedBy", s == null ? "" : text(s.getServedByName()));
                r.put("note", s == null ? "" : text(s.getNote()) + (s.getConsentRef() == null ? "" : "（确认书：" + s.getConsentRef() + "）"));
                rows.add(r);
            }
        }
        return rows;
    }

    /** The scheduled hearing meeting (听证会通知书), or empty values. */
    private Map<String, Object> hearing(PenaltyCase c) {
        HearingSchedule h = c.getId() == null ? null : hearings.findByCaseId(c.getId()).orElse(null);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("on", h == null ? "" : date(h.getHearingOn()));
        o.put("startTime", h == null ? "" : h.getStartTime());
        o.put("place", h == null ? "" : h.getPlace());
        o.put("chair", h == null ? "" : h.getChairName());
        o.put("notifiedOn", h == null ? "" : date(h.getNotifiedOn()));
        return o;
    }

    private static String number(List<IssuedDocument> issued, DocumentType type) {
        return issued.stream().filter(x -> x.getType() == type && !x.isSuperseded()).map(IssuedDocument::getDocumentNo)
                .filter(Objects::nonNull).reduce((a, b) -> b).orElse("");
    }

    /** The latest transition of this action from this step (after a return, the last time round counts). */
    private static CaseTransition last(List<CaseTransition> history, Stage from, String action) {
        CaseTransition found = null;
        for (CaseTransition t : history) {
            if (t.getAction().equals(action) && (from == null || t.getFromStage() == from)) {
                found = t;
            }
        }
        return found;
    }

    private Map<String, Object> opinion(CaseTransition t, String whenSilent) {
        Map<String, Object> o = new LinkedHashMap<>();
        String reason = t == null || t.getReason() == null ? "" : t.getReason().replaceFirst("^理由：", "");
        o.put("opinion", t == null ? "" : reason.isBlank() ? whenSilent : reason);
        o.put("signer", t == null ? "" : text(t.getActorName()));
        o.put("role", t == null ? "" : text(t.getActorRole()));
        o.put("date", t == null ? "" : ChineseDates.format(t.getAt().atZone(time.zone()).toLocalDate()));
        return o;
    }

    /** Approvals that record their own date (立案, 结案) print it rather than the moment it was entered. */
    private static Map<String, Object> dated(Map<String, Object> opinion, LocalDate on) {
        if (on != null && !"".equals(opinion.get("signer"))) {
            opinion.put("date", date(on));
        }
        return opinion;
    }

    private Map<String, Object> officer(Long id) {
        AppUser u = users.findById(id).orElse(null);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", u == null ? "" : text(u.getFullName()));
        o.put("certificateNo", u == null ? "" : text(u.getCertificateNo()));
        return o;
    }

    private Map<String, Object> act(CaseAct a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", String.valueOf(a.getId()));
        o.put("kind", a.getKind().label());
        o.put("date", date(a.getPerformedOn()));
        o.put("summary", text(a.getSummary()));
        o.put("officers", a.getOfficerIds().stream().map(this::officer).toList());
        return o;
    }

    static String date(LocalDate d) {
        return ChineseDates.format(d);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString() + "元";
    }

    /** The violation in words with its penalty article (the case stores the catalogue code, e.g. AQF-102). */
    private String matter(String code) {
        return code == null ? "" : matters.find(code)
                .map(m -> m.title().replaceFirst("^行政处罚：", "") + "（" + m.basis() + "）").orElse(code);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
