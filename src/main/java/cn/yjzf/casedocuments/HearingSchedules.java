package cn.yjzf.casedocuments;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.calendar.WorkingDayCalendar;
import cn.yjzf.casedocuments.CaseDocumentDtos.HearingBody;
import cn.yjzf.casework.CaseAct;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.casework.Stage;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules the hearing meeting of a case whose party asked for a hearing, within the existing 陈述申辩/听证 step, and
 * issues the 听证会通知书 in the same transaction (行政处罚法第六十四条): notified at least 七日 — working days, 第八十五条 —
 * before the meeting, chaired by someone who did not investigate the case.
 */
@Service
class HearingSchedules {

    static final int NOTICE_WORKING_DAYS = 7; // 第六十四条第（二）项 "七日前", working days by 第八十五条

    private final CaseworkService cases;
    private final CaseDocuments documents;
    private final HearingScheduleRepository schedules;
    private final AppUserRepository users;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final AppTime time;

    HearingSchedules(CaseworkService cases, CaseDocuments documents, HearingScheduleRepository schedules,
                     AppUserRepository users, WorkingDayCalendar calendar, AuditTrail audit, AppTime time) {
        this.cases = cases;
        this.documents = documents;
        this.schedules = schedules;
        this.users = users;
        this.calendar = calendar;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public IssuedDocument schedule(CurrentUser user, Long caseId, HearingBody b) {
        PenaltyCase c = cases.get(user, caseId);
        documents.requireSigningHandler(user, c);
        if (c.getStage() != Stage.STATEMENT || c.getHearingRequestedOn() == null) {
            throw new ConflictException("NO_HEARING_REQUESTED", "当事人未申请听证，不能安排听证会");
        }
        if (c.getHearingHeldOn() != null) {
            throw new ConflictException("HEARING_HELD", "听证已经举行");
        }
        HearingSchedule s = schedules.findByCaseId(caseId).orElse(null);
        if (s != null && (b.version() == null || b.version() != s.getVersion())) {
            throw new ConflictException("CONCURRENT_EDIT", "听证会安排已被他人修改，请刷新后重试");
        }
        LocalDate today = time.today();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate earliest = calendar.plusWorkingDays(today, NOTICE_WORKING_DAYS).date();
        if (b.hearingOn().isBefore(earliest)) {
            problems.add(new FieldProblem("hearingOn", "NOTICE_TOO_SHORT", "应当在举行听证的七日（工作日）前通知当事人，"
                    + "今日通知最早可定于 " + earliest + "（行政处罚法第六十四条第（二）项、第八十五条）"));
        }
        AppUser chair = users.findById(b.chairId()).filter(u -> u.getAgencyId().equals(c.getAgencyId())).orElse(null);
        if (chair == null) {
            problems.add(new FieldProblem("chairId", "UNKNOWN_USER", "主持人不存在或不属于本机关"));
        } else if (investigators(user, c).contains(chair.getId())) {
            problems.add(new FieldProblem("chairId", "CHAIR_IS_INVESTIGATOR",
                    "听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第（四）项）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean rescheduled = s != null;
        if (s == null) {
            s = new HearingSchedule(caseId);
        }
        s.set(b.hearingOn(), b.startTime(), b.place().trim(), chair.getId(), chair.getFullName(), today, user.id());
        schedules.saveAndFlush(s);
        audit.record(user.username(), rescheduled ? "CASE_HEARING_RESCHEDULED" : "CASE_HEARING_SCHEDULED", "PenaltyCase",
                caseId, "on=" + b.hearingOn() + " " + b.startTime() + "; place=" + b.place().trim() + "; chair=" + chair.getId());
        return documents.issueFor(user, c, DocumentType.HEARING_MEETING_NOTICE, today, "听证会时间、地点或主持人变更");
    }

    /** For the page: who may chair a pending hearing of the case (the agency's users minus its investigators). */
    @Transactional(readOnly = true)
    public List<org.springframework.data.util.Pair<Long, String>> chairCandidates(CurrentUser user, Long caseId) {
        PenaltyCase c = cases.get(user, caseId);
        if (c.getStage() != Stage.STATEMENT || c.getHearingRequestedOn() == null || c.getHearingHeldOn() != null) {
            return List.of();
        }
        Set<Long> excluded = investigators(user, c);
        return users.findByAgencyIdOrderByFullName(c.getAgencyId()).stream().filter(u -> !excluded.contains(u.getId()))
                .map(u -> org.springframework.data.util.Pair.of(u.getId(), u.getFullName())).toList();
    }

    /** The current schedule's version (the page sends it back when rescheduling), or null. */
    @Transactional(readOnly = true)
    public Long scheduleVersion(CurrentUser user, Long caseId) {
        cases.get(user, caseId);
        return schedules.findByCaseId(caseId).map(HearingSchedule::getVersion).orElse(null);
    }

    /** The case's handlers and every officer of its investigative acts. */
    private Set<Long> investigators(CurrentUser user, PenaltyCase c) {
        Set<Long> ids = new HashSet<>(c.getHandlerIds());
        for (CaseAct a : cases.acts(user, c.getId())) {
            ids.addAll(a.getOfficerIds());
        }
        return ids;
    }
}
