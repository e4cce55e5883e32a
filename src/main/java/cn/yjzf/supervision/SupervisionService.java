package cn.yjzf.supervision;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.AppTime;
import cn.yjzf.common.ConflictException;
import cn.yjzf.common.ForbiddenException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.AgencyLevel;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.rectification.RectificationLifecycle;
import cn.yjzf.rectification.RectificationTrack;
import cn.yjzf.rectification.TrackStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 挂牌督办 → 销号. Who sees a listing: the hazard's own jurisdiction, and the supervising agency with every agency
 * above it (a county sees the listings of its townships; a sibling county gets the same 404 as a missing id). Who acts:
 * the hazard's officers file the plan and ask for extensions; the supervising level (its own agency; for a 乡级
 * listing the township's enforcers or its county agency) records 验收 and its 负责人 decides extensions and 销号.
 * Every step is audited in its transaction; refusals of a step are audited too.
 */
@Service
public class SupervisionService {

    private final SupervisionListings listings;
    private final HazardFacts hazards;
    private final AgencyTree agencyTree;
    private final SupervisionRules rules;
    private final RectificationLifecycle lifecycle;
    private final AuditTrail audit;
    private final AppTime time;

    SupervisionService(SupervisionListings listings, HazardFacts hazards, AgencyTree agencyTree, SupervisionRules rules,
                       RectificationLifecycle lifecycle, AuditTrail audit, AppTime time) {
        this.listings = listings;
        this.hazards = hazards;
        this.agencyTree = agencyTree;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.time = time;
    }

    private enum Actor { HAZARD_OFFICER, SUPERVISING_OFFICER, SUPERVISING_APPROVER }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Supervised by the caller's agency subtree, or of a hazard in the caller's jurisdiction; a page, newest first. */
    @Transactional(readOnly = true)
    public Page<SupervisionListing> visible(CurrentUser u, Pageable page) {
        Scope s = scope(u);
        return listings.visible(s.supervising(), u.agencyId(), s.township(), page);
    }

    /** The listings awaiting the action of a supervising level in the caller's subtree. */
    @Transactional(readOnly = true)
    public Page<SupervisionListing> queue(CurrentUser u, Pageable page) {
        Scope s = scope(u);
        return listings.awaitingSupervision(s.supervising(), s.township(), TrackStatus.PASSED, page);
    }

    /** Every listing not yet 销号 that the caller sees, soonest deadline first (for the reminders). */
    @Transactional(readOnly = true)
    List<SupervisionListing> open(CurrentUser u) {
        Scope s = scope(u);
        return listings.open(s.supervising(), u.agencyId(), s.township());
    }

    /**
     * The agencies whose supervision the caller sees: their agency and all below it; a township enforcer only their
     * agency, narrowed to 乡级 listings of their township (and hazards of their township).
     */
    private record Scope(Set<Long> supervising, Long township) {
    }

    private Scope scope(CurrentUser u) {
        Long township = u.jurisdiction().townshipId();
        return new Scope(township != null ? Set.of(u.agencyId()) : agencyTree.now().subtree(u.agencyId()), township);
    }

    @Transactional(readOnly = true)
    public SupervisionListing get(CurrentUser u, Long id) {
        SupervisionListing l = listings.findById(id).orElseThrow(() -> new NotFoundException("挂牌督办"));
        if (!supervises(u, l, agencyTree.now()) && !hazardSide(u, l)) {
            throw new NotFoundException("挂牌督办");
        }
        return l;
    }

    @Transactional(readOnly = true)
    public ListingView view(CurrentUser u, SupervisionListing l) {
        HazardFacts.Facts f = hazards.of(l.getTrackId()).orElseThrow(() -> new NotFoundException("整改事项"));
        boolean passed = reinspectionPassed(l);
        AgencyTree.Snapshot tree = agencyTree.now();
        String body = tree.name(l.getSupervisingAgencyId())
                + (l.getSupervisingTownshipId() == null ? "" : " " + hazards.townshipName(l.getSupervisingTownshipId()));
        List<ListingView.PlanRow> plan = rules.planParts(l.getRuleSet()).stream()
                .map(p -> new ListingView.PlanRow(p, l.getPlan().get(p.code()))).toList();
        boolean open = l.open();
        boolean enforcer = u.has(Role.OFFICER) || u.has(Role.TOWNSHIP_ENFORCER);
        ListingView.Steps steps = new ListingView.Steps(
                open && enforcer && hazardSide(u, l),
                open && enforcer && hazardSide(u, l) && !l.extensionPending(),
                l.extensionPending() && u.has(Role.APPROVER) && atSupervisingLevel(u, l)
                        && !u.id().equals(l.getExtensionRequestedBy()),
                l.getStatus() == SupervisionStatus.RECTIFYING && enforcer && atSupervisingLevel(u, l),
                l.getStatus() == SupervisionStatus.ACCEPTED && u.has(Role.APPROVER) && atSupervisingLevel(u, l)
                        && !u.id().equals(l.getAcceptedBy()));
        return new ListingView(l, f.orderId(), f.label(), f.enterpriseName(),
                lifecycle.find(l.getTrackId()).map(t -> t.getStatus().label()).orElse(""), passed, body, awaiting(l),
                dues(l), plan, steps);
    }

    /** Major items of the caller's subtree not yet listed (for the 挂牌 form). */
    @Transactional(readOnly = true)
    public List<HazardFacts.Facts> listable(CurrentUser u) {
        if (!u.has(Role.APPROVER)) {
            return List.of();
        }
        return hazards.listable(agencyTree.now().subtree(u.agencyId()), u.jurisdiction().townshipId()).stream()
                .filter(f -> !"PASSED".equals(f.status())).toList();
    }

    /** The levels the caller's agency may list at (its own and those below it). */
    @Transactional(readOnly = true)
    public List<SupervisionLevel> levels(CurrentUser u) {
        AgencyLevel own = agencyTree.now().levelOf(u.agencyId());
        return java.util.Arrays.stream(SupervisionLevel.values()).filter(l -> own != null && l.reachableFrom(own)).toList();
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    /** 挂牌督办 by a 负责人 of the hazard's agency or one above it, at its own level or a lower one. */
    @Transactional
    public SupervisionListing list(CurrentUser u, NewListing cmd) {
        AgencyTree.Snapshot tree = agencyTree.now();
        HazardFacts.Facts f = hazards.of(cmd.trackId())
                .filter(x -> tree.isAtOrAbove(u.agencyId(), x.agencyId())
                        && (u.jurisdiction().townshipId() == null || u.jurisdiction().townshipId().equals(x.townshipId())))
                .orElseThrow(() -> new NotFoundException("整改事项"));
        if (!u.has(Role.APPROVER)) {
            throw refuse(u, null, "NOT_APPROVER", "只有负责人可以挂牌督办");
        }
        AgencyLevel own = tree.levelOf(u.agencyId());
        if (!cmd.level().reachableFrom(own)) {
            throw refuse(u, null, "LEVEL_ABOVE_AGENCY", "本机关为" + own.label() + "，不能以" + cmd.level().label() + "挂牌督办");
        }
        if (!f.major()) {
            throw new ConflictException("NOT_MAJOR", "只有重大事故隐患可以挂牌督办");
        }
        if ("ESCALATED".equals(f.status()) || "PASSED".equals(f.status())) {
            throw new ConflictException("WRONG_STATE", "该隐患已复查通过或已立案查处，不再挂牌督办");
        }
        if (listings.findByTrackId(f.trackId()).isPresent()) {
            throw new ConflictException("ALREADY_LISTED", "该隐患已挂牌督办");
        }
        LocalDate today = time.today();
        if (cmd.deadline().isBefore(today)) {
            throw new InvalidInputException("deadline", "DEADLINE_IN_PAST", "督办期限不能早于今天");
        }
        Long agency;
        Long township = null;
        if (cmd.level() == SupervisionLevel.TOWNSHIP) {
            if (f.townshipId() == null) {
                throw new InvalidInputException("level", "NO_TOWNSHIP", "该隐患所在企业不属于任何乡镇（街道），不能乡级督办");
            }
            agency = f.agencyId();
            township = f.townshipId();
        } else {
            agency = tree.atLevel(f.agencyId(), cmd.level().agencyLevel())
                    .orElseThrow(() -> new InvalidInputException("level", "NO_SUCH_LEVEL",
                            "该隐患所在地没有" + cmd.level().label() + "机关"))
                    .getId();
        }
        String set = rules.ruleSet();
        if (rules.planParts(set).isEmpty()) {
            throw new ConflictException("NO_PLAN_PARTS", "所用督办规则（" + set + "）未配置治理方案要素");
        }
        SupervisionListing l = listings.saveAndFlush(new SupervisionListing(f, cmd.level(), agency, township, set, cmd,
                today, u.id()));
        audit.record(u.username(), "SUPERVISION_LISTED", "SupervisionListing", l.getId(), cmd.level().label()
                + "挂牌督办 " + l.getDocumentNo() + "；" + f.label() + "；期限 " + l.getDeadline() + "；责任人 "
                + l.getResponsiblePerson());
        return l;
    }

    @Transactional
    public SupervisionListing filePlan(CurrentUser u, Long id, ListingAction a) {
        LocalDate today = time.today();
        return step(u, id, a, Actor.HAZARD_OFFICER, "SUPERVISION_PLAN_FILED",
                l -> l.filePlan(a.plan(), rules.planParts(l.getRuleSet()), a.funds(), today));
    }

    @Transactional
    public SupervisionListing requestExtension(CurrentUser u, Long id, ListingAction a) {
        LocalDate today = time.today();
        return step(u, id, a, Actor.HAZARD_OFFICER, "SUPERVISION_EXTENSION_REQUESTED", l -> {
            Due latest = rules.before(l.getRuleSet(), SupervisionPeriod.EXTENSION_NOTICE, l.getDeadline());
            if (latest.configured() && today.isAfter(latest.date())) {
                throw new ConflictException("EXTENSION_TOO_LATE", "延期申请应在督办期限届满前" + latest.rule().describe()
                        + "提出（最迟 " + latest.date() + "）");
            }
            l.requestExtension(a.until(), a.note(), u.id(), today);
        });
    }

    @Transactional
    public SupervisionListing decideExtension(CurrentUser u, Long id, ListingAction a) {
        if (a.approve() == null) {
            throw new InvalidInputException("approve", "REQUIRED", "请选择是否同意延期");
        }
        return step(u, id, a, Actor.SUPERVISING_APPROVER, a.approve() ? "SUPERVISION_EXTENSION_APPROVED"
                : "SUPERVISION_EXTENSION_REFUSED", l -> {
            LocalDate granted = l.decideExtension(a.approve(), a.note(), u.id());
            RectificationTrack t = lifecycle.find(l.getTrackId()).orElseThrow();
            if (granted != null && t.getStatus().open() && granted.isAfter(t.getDeadline())) {
                lifecycle.extendBySupervision(u.username(), t.getId(), granted);
            }
        });
    }

    @Transactional
    public SupervisionListing accept(CurrentUser u, Long id, ListingAction a) {
        if (a.passed() == null) {
            throw new InvalidInputException("passed", "REQUIRED", "请选择验收结论");
        }
        LocalDate today = time.today();
        return step(u, id, a, Actor.SUPERVISING_OFFICER, a.passed() ? "SUPERVISION_ACCEPTED" : "SUPERVISION_ACCEPTANCE_FAILED",
                l -> l.accept(a.passed(), a.note(), u.id(), today, reinspectionPassed(l)));
    }

    /** 销号: published as 销号 the same day, and the hazard's item closed (its re-inspection must have passed). */
    @Transactional
    public SupervisionListing close(CurrentUser u, Long id, ListingAction a) {
        LocalDate today = time.today();
        return step(u, id, a, Actor.SUPERVISING_APPROVER, "SUPERVISION_CLOSED", l -> {
            if (!reinspectionPassed(l)) {
                throw new ConflictException("REINSPECTION_NOT_PASSED", "该隐患尚未复查通过，不能销号");
            }
            l.close(a.note(), u.id(), today);
            lifecycle.closeBySupervision(u.username(), l.getTrackId(), today);
        });
    }

    /** The daily job: marks open listings past their deadline, each mark audited; returns how many were new. */
    @Transactional
    public int markOverdue(LocalDate today) {
        int marked = 0;
        for (SupervisionListing l : listings.newlyOverdue(today)) {
            if (l.markOverdueOn(today)) {
                marked++;
                audit.record("system", "SUPERVISION_OVERDUE", "SupervisionListing", l.getId(),
                        "督办期限 " + l.getDeadline() + " 已过（" + l.getStatus().label() + "）");
            }
        }
        return marked;
    }

    private SupervisionListing step(CurrentUser u, Long id, ListingAction a, Actor actor, String action,
                                    Consumer<SupervisionListing> transition) {
        SupervisionListing l = get(u, id);
        Refusal refusal = refusal(u, l, actor);
        if (refusal != null) {
            throw refuse(u, l.getId(), refusal.code(), refusal.message());
        }
        if (a.version() == null || a.version() != l.getVersion()) {
            throw new ConflictException("CONCURRENT_EDIT", "该挂牌督办已被他人处理，请刷新后重试");
        }
        SupervisionStatus from = l.getStatus();
        transition.accept(l);
        listings.saveAndFlush(l);
        audit.record(u.username(), action, "SupervisionListing", l.getId(), from.label() + " → " + l.getStatus().label()
                + "；期限 " + l.getDeadline() + (a.note() == null || a.note().isBlank() ? "" : "；" + a.note().strip()));
        return l;
    }

    private record Refusal(String code, String message) {
    }

    /** Why the caller may not take the step, or null when they may. */
    private Refusal refusal(CurrentUser u, SupervisionListing l, Actor actor) {
        boolean enforcer = u.has(Role.OFFICER) || u.has(Role.TOWNSHIP_ENFORCER);
        return switch (actor) {
            case HAZARD_OFFICER -> enforcer && hazardSide(u, l) ? null
                    : new Refusal("NOT_HAZARD_OFFICER", "只有隐患所在辖区的执法人员可以报送治理方案或申请延期");
            case SUPERVISING_OFFICER -> enforcer && atSupervisingLevel(u, l) ? null
                    : new Refusal("NOT_AT_SUPERVISING_LEVEL", "只有督办层级（" + l.getLevel().label() + "）的执法人员可以验收");
            case SUPERVISING_APPROVER -> u.has(Role.APPROVER) && atSupervisingLevel(u, l) ? null
                    : new Refusal("NOT_AT_SUPERVISING_LEVEL",
                            "只有督办层级（" + l.getLevel().label() + "）的负责人可以决定延期或批准销号");
        };
    }

    private ForbiddenException refuse(CurrentUser u, Long listingId, String code, String message) {
        audit.recordSeparately(u.username(), "ACCESS_DENIED", "SupervisionListing", listingId, code + "：" + message);
        return new ForbiddenException(code, message);
    }

    // ---- scope ---------------------------------------------------------------------------------------------------

    /** The caller's agency is the supervising one or above it; a township enforcer only for their township's 乡级 listings. */
    boolean supervises(CurrentUser u, SupervisionListing l, AgencyTree.Snapshot tree) {
        Long township = u.jurisdiction().townshipId();
        if (township != null) {
            return u.agencyId().equals(l.getSupervisingAgencyId()) && township.equals(l.getSupervisingTownshipId());
        }
        return tree.isAtOrAbove(u.agencyId(), l.getSupervisingAgencyId());
    }

    boolean hazardSide(CurrentUser u, SupervisionListing l) {
        return u.jurisdiction().covers(l.getHazardAgencyId(), l.getHazardTownshipId());
    }

    /** The supervising agency itself; for a 乡级 listing also the township's own enforcers. */
    private boolean atSupervisingLevel(CurrentUser u, SupervisionListing l) {
        if (!u.agencyId().equals(l.getSupervisingAgencyId())) {
            return false;
        }
        Long township = u.jurisdiction().townshipId();
        return township == null || township.equals(l.getSupervisingTownshipId());
    }

    boolean reinspectionPassed(SupervisionListing l) {
        return lifecycle.find(l.getTrackId()).map(t -> t.getStatus() == TrackStatus.PASSED).orElse(false);
    }

    /** What the supervising level has to do next, or null. */
    String awaiting(SupervisionListing l) {
        if (l.extensionPending()) {
            return "延期申请待决定";
        }
        if (l.getStatus() == SupervisionStatus.ACCEPTED) {
            return "待批准销号";
        }
        if (l.getStatus() == SupervisionStatus.RECTIFYING && reinspectionPassed(l)) {
            return "复查已通过，待验收";
        }
        return null;
    }

    private List<Due> dues(SupervisionListing l) {
        String set = l.getRuleSet();
        List<Due> out = new ArrayList<>();
        out.add(rules.after(set, SupervisionPeriod.FILING, l.getListedOn()));
        out.add(rules.after(set, SupervisionPeriod.PUBLICATION, l.getListedOn()));
        out.add(rules.before(set, SupervisionPeriod.EXTENSION_NOTICE, l.getDeadline()));
        out.add(rules.after(set, SupervisionPeriod.EXTENSION_DECISION, l.getExtensionRequestedOn()));
        LocalDate acceptanceFrom = lifecycle.find(l.getTrackId()).map(RectificationTrack::getReinspectedOn)
                .filter(d -> reinspectionPassed(l) && d.isBefore(l.getDeadline())).orElse(l.getDeadline());
        out.add(rules.after(set, SupervisionPeriod.ACCEPTANCE, acceptanceFrom));
        out.add(rules.after(set, SupervisionPeriod.CLOSURE_PUBLICATION, l.getClosedOn()));
        return out;
    }
}
