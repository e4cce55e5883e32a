package cn.yjzf.organisation;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's work (三员分立): agencies, townships with their 委托书 / 赋权 decision, and accounts, always
 * within the administrator's own agency and the agencies below it (outside it = 404, as if missing). Every change is
 * audited in its transaction; edits carry the version they were made on.
 */
@Service
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
public class OrganisationAdmin {

    private final AgencyRepository agencies;
    private final TownshipRepository townships;
    private final AppUserRepository users;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final AdminScope adminScope;
    private final EnforcementMatterCatalogue matterCatalogue;

    OrganisationAdmin(AgencyRepository agencies, TownshipRepository townships, AppUserRepository users,
                      Passwords passwords, AuditTrail audit, AdminScope adminScope,
                      EnforcementMatterCatalogue matterCatalogue) {
        this.adminScope = adminScope;
        this.matterCatalogue = matterCatalogue;
        this.agencies = agencies;
        this.townships = townships;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** An agency with its depth in the tree, for indenting. */
    public record AgencyNode(Agency agency, int depth) {
    }

    /** A created account and its temporary password, shown once to the administrator. */
    public record CreatedUser(AppUser user, String temporaryPassword) {
    }

    AgencyScope scope(CurrentUser admin) {
        return adminScope.of(admin);
    }

    @Transactional(readOnly = true)
    public List<AgencyNode> agencies(CurrentUser admin) {
        List<Agency> all = agencies.findAll();
        Map<Long, List<Agency>> children = all.stream().filter(a -> a.getParentId() != null)
                .collect(Collectors.groupingBy(Agency::getParentId));
        List<AgencyNode> out = new ArrayList<>();
        all.stream().filter(a -> a.getId().equals(admin.agencyId())).forEach(root -> walk(root, 0, children, out));
        return out;
    }

    private static void walk(Agency a, int depth, Map<Long, List<Agency>> children, List<AgencyNode> out) {
        out.add(new AgencyNode(a, depth));
        children.getOrDefault(a.getId(), List.of()).stream().sorted(Comparator.comparing(Agency::getName))
                .forEach(c -> walk(c, depth + 1, children, out));
    }

    @Transactional(readOnly = true)
    public Agency agency(CurrentUser admin, Long id) {
        return agencies.findById(id).filter(a -> scope(admin).covers(a.getId()))
                .orElseThrow(() -> new NotFoundException("机关"));
    }

    @Transactional
    public Agency createAgency(CurrentUser admin, AgencyForm form) {
        checkAgency(admin, form, null);
        Agency a = agencies.save(new Agency(form.name().trim(), form.shortName().trim(), form.level(), form.parentId()));
        audit.record(admin.username(), "AGENCY_CREATED", "Agency", a.getId(), describe(a));
        return a;
    }

    @Transactional
    public Agency updateAgency(CurrentUser admin, Long id, AgencyForm form) {
        Agency a = agency(admin, id);
        checkVersion(form.version(), a.getVersion());
        checkAgency(admin, form, a);
        a.update(form.name().trim(), form.shortName().trim(), form.level(), form.parentId());
        agencies.saveAndFlush(a);
        audit.record(admin.username(), "AGENCY_UPDATED", "Agency", a.getId(), describe(a));
        return a;
    }

    /** The parent is in the administrator's scope and one level up; the administrator's own agency keeps its parent. */
    private void checkAgency(CurrentUser admin, AgencyForm form, Agency existing) {
        boolean ownAgency = existing != null && existing.getId().equals(admin.agencyId());
        if (ownAgency) {
            if (!Objects.equals(existing.getParentId(), form.parentId())) {
                throw new InvalidInputException("parentId", "OUT_OF_SCOPE", "不能改变本机关的上级机关");
            }
            return;
        }
        Agency parent = form.parentId() == null ? null : agencies.findById(form.parentId())
                .filter(p -> scope(admin).covers(p.getId())).orElse(null);
        if (parent == null) {
            throw new InvalidInputException("parentId", "OUT_OF_SCOPE", "请选择本机关或其下级机关作为上级机关");
        }
        if (existing != null && parent.getId().equals(existing.getId())) {
            throw new InvalidInputException("parentId", "INVALID_PARENT", "机关不能以自己为上级机关");
        }
        if (!form.level().mayBeUnder(parent.getLevel())) {
            throw new InvalidInputException("level", "INVALID_LEVEL", parent.getLevel().label() + "机关之下只能设立"
                    + (parent.getLevel() == AgencyLevel.COUNTY ? "乡镇（街道）" : "下一级机关"));
        }
    }

    @Transactional(readOnly = true)
    public List<Township> townships(CurrentUser admin) {
        AgencyScope scope = scope(admin);
        return townships.findAll().stream().filter(t -> scope.covers(t.getAgencyId()))
                .sorted(Comparator.comparing(Township::getAgencyId).thenComparing(Township::getName)).toList();
    }

    @Transactional(readOnly = true)
    public Township township(CurrentUser admin, Long id) {
        return townships.findById(id).filter(t -> scope(admin).covers(t.getAgencyId()))
                .orElseThrow(() -> new NotFoundException("乡镇（街道）"));
    }

    @Transactional
    public Township createTownship(CurrentUser admin, TownshipForm form) {
        checkTownship(admin, form, null);
        Township t = new Township(form.agencyId(), form.name().trim());
        authorise(t, form);
        t = townships.save(t);
        audit.record(admin.username(), "TOWNSHIP_CREATED", "Township", t.getId(), describe(t));
        return t;
    }

    @Transactional
    public Township updateTownship(CurrentUser admin, Long id, TownshipForm form) {
        Township t = township(admin, id);
        checkVersion(form.version(), t.getVersion());
        checkTownship(admin, form, t);
        t.rename(form.agencyId(), form.name().trim());
        authorise(t, form);
        townships.saveAndFlush(t);
        audit.record(admin.username(), "TOWNSHIP_UPDATED", "Township", t.getId(), describe(t));
        return t;
    }

    private static void authorise(Township t, TownshipForm form) {
        t.authorise(form.legalForm(), form.authorityDocNo().trim(), form.validFrom(), form.validUntil(), form.matterList());
        t.assignDocumentCode(form.documentCode());
    }

    private void checkTownship(CurrentUser admin, TownshipForm form, Township existing) {
        List<FieldProblem> problems = new ArrayList<>();
        Agency agency = agencies.findById(form.agencyId()).filter(a -> scope(admin).covers(a.getId())).orElse(null);
        if (agency == null) {
            problems.add(new FieldProblem("agencyId", "OUT_OF_SCOPE", "请选择本机关或其下级机关"));
        } else if (agency.getLevel() == AgencyLevel.PROVINCE) {
            problems.add(new FieldProblem("agencyId", "INVALID_LEVEL", "乡镇（街道）应隶属于市级或县级机关"));
        }
        if (form.legalForm() == TownshipLegalForm.DELEGATED && form.validUntil() == null) {
            problems.add(new FieldProblem("validUntil", "REQUIRED", "委托书应载明委托期限，请填写截止日期"));
        }
        if (form.validUntil() != null && form.validUntil().isBefore(form.validFrom())) {
            problems.add(new FieldProblem("validUntil", "INVALID_PERIOD", "截止日期不能早于生效日期"));
        }
        if (form.matterList().isEmpty()) {
            problems.add(new FieldProblem("matters", "REQUIRED", "请从事项目录中选择事项"));
        }
        form.matterList().stream().filter(m -> matterCatalogue.find(m).isEmpty()).findFirst().ifPresent(m ->
                problems.add(new FieldProblem("matters", "UNKNOWN_MATTER", "事项代码“" + abbreviate60(m) + "”不在执法事项目录内")));
        boolean nameTaken = townships.findByAgencyIdOrderByName(form.agencyId()).stream()
                .anyMatch(o -> o.getName().equals(form.name().trim()) && (existing == null || !o.getId().equals(existing.getId())));
        if (nameTaken) {
            problems.add(new FieldProblem("name", "DUPLICATE", "该机关下已有同名乡镇（街道）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The matters a township form offers (执法事项目录). */
    public List<EnforcementMatterCatalogue.Matter> matterCatalogue() {
        return matterCatalogue.all();
    }

    @Transactional(readOnly = true)
    public List<AppUser> users(CurrentUser admin) {
        return adminScope.users(admin);
    }

    @Transactional(readOnly = true)
    public AppUser user(CurrentUser admin, Long id) {
        return adminScope.user(admin, id);
    }

    /** Creates an account without roles (the security administrator assigns them) and a temporary password. */
    @Transactional
    public CreatedUser createUser(CurrentUser admin, UserForm form) {
        checkUser(admin, form, null);
        if (users.findByUsername(form.username().trim()).isPresent()) {
            throw new InvalidInputException("username", "DUPLICATE", "用户名已被使用");
        }
        AppUser u = new AppUser(form.username().trim(), null, form.fullName().trim(), form.agencyId(),
                form.townshipId(), blankToNull(form.certificateNo()), form.certificateValidUntil(), java.util.Set.of());
        u.update(form.fullName().trim(), form.agencyId(), form.townshipId(), blankToNull(form.certificateNo()),
                form.certificateValidUntil(), blankToNull(form.legalQualification()), form.active());
        String temporary = passwords.setInitial(u);
        u = users.saveAndFlush(u);
        audit.record(admin.username(), "USER_CREATED", "AppUser", u.getId(), describe(u));
        return new CreatedUser(u, temporary);
    }

    @Transactional
    public AppUser updateUser(CurrentUser admin, Long id, UserForm form) {
        AppUser u = user(admin, id);
        checkVersion(form.version(), u.getVersion());
        checkUser(admin, form, u);
        u.update(form.fullName().trim(), form.agencyId(), form.townshipId(), blankToNull(form.certificateNo()),
                form.certificateValidUntil(), blankToNull(form.legalQualification()), form.active());
        List<FieldProblem> roleProblems = SeparationOfDuties.check(u.getRoles(), u);
        if (!roleProblems.isEmpty()) {
            throw new InvalidInputException(roleProblems.stream()
                    .map(p -> p.code().equals("NOT_LEGALLY_QUALIFIED")
                            ? new FieldProblem("legalQualification", p.code(), "该用户担任法制审核人员，须登记法律职业资格")
                            : p.code().equals("TOWNSHIP_REQUIRED")
                            ? new FieldProblem("townshipId", p.code(), "该用户担任乡镇委托执法人员，须选择乡镇（街道）") : p)
                    .toList());
        }
        users.saveAndFlush(u);
        audit.record(admin.username(), "USER_UPDATED", "AppUser", u.getId(), describe(u));
        return u;
    }

    /** A new temporary password, to be changed at the next login; returned once. */
    @Transactional
    public String resetPassword(CurrentUser admin, Long id) {
        AppUser u = user(admin, id);
        String temporary = passwords.setTemporary(u);
        audit.record(admin.username(), "PASSWORD_RESET", "AppUser", u.getId(), "临时口令，下次登录须修改");
        return temporary;
    }

    private void checkUser(CurrentUser admin, UserForm form, AppUser existing) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!scope(admin).covers(form.agencyId())) {
            problems.add(new FieldProblem("agencyId", "OUT_OF_SCOPE", "请选择本机关或其下级机关"));
        }
        if (form.townshipId() != null && townships.findById(form.townshipId())
                .filter(t -> t.getAgencyId().equals(form.agencyId())).isEmpty()) {
            problems.add(new FieldProblem("townshipId", "TOWNSHIP_NOT_IN_AGENCY", "所选乡镇（街道）不属于所选机关"));
        }
        boolean hasNo = form.certificateNo() != null && !form.certificateNo().isBlank();
        if (hasNo != (form.certificateValidUntil() != null)) {
            problems.add(new FieldProblem(hasNo ? "certificateValidUntil" : "certificateNo", "CERTIFICATE_INCOMPLETE",
                    "执法证号与有效期须同时填写"));
        }
        if (existing != null && !existing.getUsername().equals(form.username())) {
            problems.add(new FieldProblem("username", "IMMUTABLE", "用户名创建后不能修改"));
        }
        if (existing != null && existing.getId().equals(admin.id()) && !form.active()) {
            problems.add(new FieldProblem("enabled", "SELF_DISABLE", "不能停用自己的账号"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static void checkVersion(Long submitted, long current) {
        if (submitted == null || submitted != current) {
            throw new ObjectOptimisticLockingFailureException(Object.class, "version");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String describe(Agency a) {
        return a.getName() + "（" + a.getShortName() + "，" + a.getLevel().label() + "，上级" + a.getParentId() + "）";
    }

    private static String describe(Township t) {
        return t.getName() + "（" + t.getLegalForm().label() + "，" + t.getAuthorityDocNo() + "，" + t.getValidFrom()
                + "至" + (t.getValidUntil() == null ? "长期" : t.getValidUntil()) + "，事项：" + abbreviate(String.join("；", t.getMatters()))
                + (t.getDocumentCode() == null ? "" : "，机关代字：" + t.getDocumentCode()) + "）";
    }

    private static String describe(AppUser u) {
        return u.getUsername() + " " + u.getFullName() + "（机关" + u.getAgencyId() + "，乡镇" + u.getTownshipId()
                + "，执法证" + u.getCertificateNo() + "至" + u.getCertificateValidUntil() + "，法律职业资格"
                + (u.isLegallyQualified() ? "有" : "无") + "，" + (u.isEnabled() ? "启用" : "停用") + "）";
    }

    /** Audit details are bounded (4000 characters); a long catalogue keeps its start and its size. */
    private static String abbreviate60(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "…（共" + s.length() + "字）";
    }
}
