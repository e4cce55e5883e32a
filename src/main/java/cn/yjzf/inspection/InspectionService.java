package cn.yjzf.inspection;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.ForbiddenException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.judgment.AnswerValidator;
import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.judgment.ChecklistService;
import cn.yjzf.judgment.FindingFacts;
import cn.yjzf.judgment.RuleSetRef;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Inspections, their findings and the judgment of each finding, always within the caller's jurisdiction. */
@Service
public class InspectionService {

    private final InspectionRepository inspections;
    private final FindingRepository findings;
    private final HazardRepository hazards;
    private final EnterpriseService enterprises;
    private final AppUserRepository users;
    private final ChecklistService checklist;
    private final RuleEngine engine;
    private final AuditTrail audit;
    private final InspectionMembers members;
    private final InspectionDelegation delegation;

    InspectionService(InspectionRepository inspections, FindingRepository findings, HazardRepository hazards,
                      EnterpriseService enterprises, AppUserRepository users, ChecklistService checklist,
                      RuleEngine engine, AuditTrail audit, InspectionMembers members,
                      InspectionDelegation delegation) {
        this.delegation = delegation;
        this.inspections = inspections;
        this.findings = findings;
        this.hazards = hazards;
        this.enterprises = enterprises;
        this.users = users;
        this.checklist = checklist;
        this.engine = engine;
        this.audit = audit;
        this.members = members;
    }

    /** One page of the jurisdiction's inspections, newest first. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<Inspection> page(Jurisdiction j, org.springframework.data.domain.Pageable page) {
        return inspections.page(j.agencyId(), j.townshipId(), page);
    }

    @Transactional
    public Inspection open(CurrentUser user, NewInspection cmd) {
        Enterprise enterprise = enterprises.get(user.jurisdiction(), cmd.enterpriseId());
        ForbiddenException notDelegated = delegation.refusal(user, enterprise.getTownshipId(), cmd.inspectionDate());
        if (notDelegated != null) {
            audit.recordSeparately(user.username(), "INSPECTION_FORBIDDEN", "Enterprise", enterprise.getId(),
                    notDelegated.code() + "：" + notDelegated.getMessage());
            throw notDelegated;
        }
        Set<Long> team = members.membersOf(user, cmd.officerIds());
        List<FieldProblem> problems = members.problems(team, enterprise, cmd.inspectionDate());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Inspection i = inspections.save(new Inspection(enterprise.getId(), enterprise.getAgencyId(),
                enterprise.getTownshipId(), cmd.inspectionDate(), cmd.place().trim(), team, user.id()));
        audit.record(user.username(), "INSPECTION_OPENED", "Inspection", i.getId(),
                enterprise.getName() + " " + i.getInspectionDate() + " 检查人员" + team);
        return i;
    }

    @Transactional(readOnly = true)
    public Inspection get(Jurisdiction j, Long id) {
        return inspections.findById(id).filter(i -> j.covers(i.getAgencyId(), i.getTownshipId()))
                .orElseThrow(() -> new NotFoundException("检查记录"));
    }

    @Transactional(readOnly = true)
    public InspectionView view(Jurisdiction j, Long id) {
        Inspection i = get(j, id);
        Enterprise e = enterprises.get(j, i.getEnterpriseId());
        List<AppUser> officers = users.findAllById(i.getOfficerIds()).stream()
                .sorted(cn.yjzf.common.PinyinOrder.by(AppUser::getFullName)).toList();
        List<Finding> fs = findings.findByInspectionIdOrderById(i.getId());
        Map<Long, Hazard> byFinding = hazards.findByFindingIdIn(fs.stream().map(Finding::getId).toList()).stream()
                .collect(Collectors.toMap(Hazard::getFindingId, Function.identity()));
        List<FindingView> views = new ArrayList<>();
        for (Finding f : fs) {
            views.add(new FindingView(views.size() + 1, f, byFinding.get(f.getId())));
        }
        return new InspectionView(i, e, officers, views);
    }

    /** One stored finding with the facts it was judged on and its recorded engine judgment, within the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public StoredJudgment storedJudgment(Jurisdiction j, Long findingId) {
        Finding f = findings.findById(findingId).orElseThrow(() -> new NotFoundException("检查发现"));
        Inspection i = get(j, f.getInspectionId());
        return stored(i, enterprises.get(j, i.getEnterpriseId()), f,
                hazards.findByFindingId(f.getId()).orElseThrow(() -> new NotFoundException("隐患判定")));
    }

    /** The most recent judged findings of the jurisdiction (at most {@code limit}), for an impact preview. */
    @Transactional(readOnly = true)
    public List<StoredJudgment> storedJudgments(Jurisdiction j, int limit) {
        List<StoredJudgment> out = new ArrayList<>();
        for (Inspection i : inspections.recent(j.agencyId(), j.townshipId(), PageRequest.of(0, limit))) {
            Enterprise e = enterprises.get(j, i.getEnterpriseId());
            List<Finding> fs = findings.findByInspectionIdOrderById(i.getId());
            Map<Long, Hazard> byFinding = hazards.findByFindingIdIn(fs.stream().map(Finding::getId).toList()).stream()
                    .collect(Collectors.toMap(Hazard::getFindingId, Function.identity()));
            for (Finding f : fs) {
                if (out.size() < limit && byFinding.containsKey(f.getId())) {
                    out.add(stored(i, e, f, byFinding.get(f.getId())));
                }
            }
        }
        return out;
    }

    private static StoredJudgment stored(Inspection i, Enterprise e, Finding f, Hazard h) {
        FindingFacts facts = new FindingFacts(e.facts(), e.getIndustry().sector().label(), i.getInspectionDate(),
                f.getAnswers());
        return new StoredJudgment(f.getId(), i.getId(), e.getName(), f.getDescription(), facts, h.getEngineGrade(),
                h.getCitations(), h.getFiredRules(), h.getRuleSets().stream().map(RuleSetRef::parse).toList());
    }

    /** The checklist groups that apply to the inspected enterprise on the inspection date. */
    @Transactional(readOnly = true)
    public List<ChecklistGroup> checklistFor(Jurisdiction j, Long inspectionId) {
        Inspection i = get(j, inspectionId);
        Enterprise e = enterprises.get(j, i.getEnterpriseId());
        return checklist.applicableGroups(e.facts(), e.getIndustry().sector().label(), i.getInspectionDate());
    }

    /** Records a finding and judges it at once with the rule sets in force on the inspection date. */
    @Transactional
    public FindingView addFinding(CurrentUser user, Long inspectionId, NewFinding cmd) {
        Inspection i = get(user.jurisdiction(), inspectionId);
        members.requireRecorder(user, i);
        i.requireOpen();
        Enterprise e = enterprises.get(user.jurisdiction(), i.getEnterpriseId());
        String sector = e.getIndustry().sector().label();
        Map<String, String> answers = validAnswers(cmd, e, sector, i);
        JudgmentResult result = engine.judge(new FindingFacts(e.facts(), sector, i.getInspectionDate(), answers));
        return record(user, i, e, sector, cmd, answers, result);
    }

    /** Stores a finding judged with {@code result} (its answers already validated), audited in the same transaction. */
    private FindingView record(CurrentUser user, Inspection i, Enterprise e, String sector, NewFinding cmd,
                               Map<String, String> answers, JudgmentResult result) {
        Finding f = findings.save(new Finding(i.getId(), blankToNull(cmd.checklistGroup()),
                descriptionOf(cmd, e, sector, i, answers), blankToNull(cmd.location()), answers, user.id()));
        Hazard h = hazards.save(new Hazard(f.getId(), result));
        audit.record(user.username(), "FINDING_JUDGED", "Finding", f.getId(),
                h.getGrade().label() + " " + h.getFiredRules() + " " + h.getRuleSets());
        return new FindingView(findings.findByInspectionIdOrderById(i.getId()).size(), f, h);
    }

    /**
     * Judges one checklist group's answers without storing anything (the live view of the checklist page).
     * Throws {@link InvalidInputException} naming the questions still to answer while the answers given could lead to
     * different grades (unanswered questions that cannot change the outcome may stay unanswered).
     */
    @Transactional(readOnly = true)
    public JudgmentResult preview(Jurisdiction j, Long inspectionId, String groupCode, Map<String, String> answers) {
        Inspection i = get(j, inspectionId);
        Enterprise e = enterprises.get(j, i.getEnterpriseId());
        String sector = e.getIndustry().sector().label();
        Map<String, String> valid = validAnswers(new NewFinding(groupCode, answers, "预览", null), e, sector, i);
        return engine.judge(new FindingFacts(e.facts(), sector, i.getInspectionDate(), valid));
    }

    /**
     * Records a whole checklist at once: every fully answered group that shows a problem (a non-compliant answer, or
     * a rule that fired) becomes a finding, judged like any other. Groups left blank are skipped; a group answered
     * only in part is refused with its questions named, and nothing is stored.
     */
    @Transactional
    public List<FindingView> recordChecklist(CurrentUser user, Long inspectionId, Map<String, Map<String, String>> byGroup) {
        Inspection i = get(user.jurisdiction(), inspectionId);
        members.requireRecorder(user, i);
        i.requireOpen();
        Enterprise e = enterprises.get(user.jurisdiction(), i.getEnterpriseId());
        String sector = e.getIndustry().sector().label();
        List<FieldProblem> problems = new ArrayList<>();
        List<ChecklistGroup> groups = new ArrayList<>();
        List<NewFinding> candidates = new ArrayList<>();
        List<Map<String, String>> answered = new ArrayList<>();
        for (ChecklistGroup group : checklist.applicableGroups(e.facts(), sector, i.getInspectionDate())) {
            Map<String, String> answers = byGroup.getOrDefault(group.code(), Map.of());
            if (answers.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            NewFinding candidate = new NewFinding(group.code(), answers, FindingSentences.describe(group, answers), null);
            try {
                answered.add(validAnswers(candidate, e, sector, i));
                groups.add(group);
                candidates.add(candidate);
            } catch (InvalidInputException partial) {
                problems.addAll(partial.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // the whole checklist of the inspection in one rule session; each result is the one its group gets alone
        List<JudgmentResult> judged = engine.judgeAll(answered.stream()
                .map(valid -> new FindingFacts(e.facts(), sector, i.getInspectionDate(), valid)).toList());
        List<FindingView> recorded = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            Map<String, String> valid = answered.get(k);
            boolean deficient = groups.get(k).questions().stream().anyMatch(q -> q.isDeficient(valid.get(q.code())));
            if (deficient || !judged.get(k).firedRules().isEmpty()) {
                recorded.add(record(user, i, e, sector, candidates.get(k), valid, judged.get(k)));
            }
        }
        return recorded;
    }

    /** The officer's words, or — left blank with a checklist group — a first draft written from the answers. */
    private String descriptionOf(NewFinding cmd, Enterprise e, String sector, Inspection i, Map<String, String> answers) {
        String given = blankToNull(cmd.description());
        String groupCode = blankToNull(cmd.checklistGroup());
        if (given != null || groupCode == null) {
            if (given == null) {
                throw new InvalidInputException("description", "REQUIRED", "请填写隐患描述（或选择检查项并作答，由系统按答案预填）");
            }
            return given;
        }
        return checklist.applicableGroup(e.facts(), sector, i.getInspectionDate(), groupCode)
                .map(g -> FindingSentences.describe(g, answers)).orElseThrow();
    }

    @Transactional
    public Hazard gradeManually(CurrentUser user, Long inspectionId, Long findingId, ManualGrade cmd) {
        Inspection i = get(user.jurisdiction(), inspectionId);
        members.requireRecorder(user, i);
        i.requireOpen();
        Finding f = findings.findById(findingId).filter(x -> x.getInspectionId().equals(i.getId()))
                .orElseThrow(() -> new NotFoundException("检查发现"));
        Hazard h = hazards.findByFindingId(f.getId()).orElseThrow(() -> new NotFoundException("隐患"));
        if (h.getVersion() != cmd.version()) {
            throw new ConflictException("CONCURRENT_EDIT", "该隐患已被他人修改，请刷新后重试");
        }
        h.gradeManually(cmd.grade(), cmd.reason(), user.id());
        audit.record(user.username(), "HAZARD_GRADED_MANUALLY", "Hazard", h.getId(),
                cmd.grade().label() + "：" + cmd.reason());
        return hazards.saveAndFlush(h);
    }

    /** The answers of a finding, checked by the one validation every entry point shares ({@link AnswerValidator}). */
    private Map<String, String> validAnswers(NewFinding cmd, Enterprise e, String sector, Inspection i) {
        Map<String, String> given = cmd.answers() == null ? Map.of() : cmd.answers();
        String groupCode = blankToNull(cmd.checklistGroup());
        if (groupCode == null) {
            if (!given.isEmpty()) {
                throw new InvalidInputException("checklistGroup", "REQUIRED", "回答检查项时须选择检查项组");
            }
            return Map.of();
        }
        AnswerValidator.Checked checked = AnswerValidator.check(engine.ruleBase(),
                new FindingFacts(e.facts(), sector, i.getInspectionDate(), given), groupCode);
        if (!checked.ok()) {
            throw new InvalidInputException(checked.problems().stream()
                    .map(p -> new FieldProblem(p.field(), p.code(), p.message())).toList());
        }
        return checked.answers();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
