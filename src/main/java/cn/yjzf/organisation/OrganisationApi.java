package cn.yjzf.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "机构与用户管理", description = "系统管理员：机关、乡镇（街道）及其委托书/赋权决定、用户；安全管理员：角色、解锁。"
        + "范围为本机关及下级机关，修改须携带 version（乐观锁，过期返回 409 CONCURRENT_EDIT），每次变更留痕")
class OrganisationApi {

    private final OrganisationAdmin admin;
    private final AccountSecurityAdmin security;
    private final SecurityPolicies policies;

    private final cn.yjzf.common.AppTime time;

    OrganisationApi(OrganisationAdmin admin, AccountSecurityAdmin security, SecurityPolicies policies,
                    cn.yjzf.common.AppTime time) {
        this.time = time;
        this.admin = admin;
        this.security = security;
        this.policies = policies;
    }

    public record IssuedPassword(AccountView user, String temporaryPassword) {
    }

    @GetMapping("/agencies")
    @Operation(summary = "本机关及下级机关（树，depth 为层次）")
    List<AgencyView> agencies(@AuthenticationPrincipal CurrentUser me) {
        return admin.agencies(me).stream().map(n -> AgencyView.of(n.agency(), n.depth())).toList();
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建机关（上级须为本机关或下级机关，层级为上级的下一级）")
    AgencyView createAgency(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody AgencyForm body) {
        return AgencyView.of(admin.createAgency(me, body), 0);
    }

    @PutMapping("/agencies/{id}")
    @Operation(summary = "修改机关")
    AgencyView updateAgency(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, @Valid @RequestBody AgencyForm body) {
        return AgencyView.of(admin.updateAgency(me, id, body), 0);
    }

    @GetMapping("/townships")
    @Operation(summary = "乡镇（街道）及其委托书或赋权决定")
    List<TownshipView> townships(@AuthenticationPrincipal CurrentUser me) {
        return admin.townships(me).stream().map(t -> TownshipView.of(t, time.today())).toList();
    }

    @GetMapping("/enforcement-matters")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "执法事项目录：乡镇委托书/赋权决定的 matters 只能取其中的代码（INSPECTION 行政检查，AQF-* 违法行为库）")
    List<EnforcementMatterCatalogue.Matter> enforcementMatters() {
        return admin.matterCatalogue();
    }

    @PostMapping("/townships")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建乡镇（街道）：委托（委托书编号、事项、期限）或赋权（省级决定文号、事项）；matters 每行一项")
    TownshipView createTownship(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody TownshipForm body) {
        return TownshipView.of(admin.createTownship(me, body), time.today());
    }

    @PutMapping("/townships/{id}")
    @Operation(summary = "修改乡镇（街道）")
    TownshipView updateTownship(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, @Valid @RequestBody TownshipForm body) {
        return TownshipView.of(admin.updateTownship(me, id, body), time.today());
    }

    @GetMapping("/users")
    @Operation(summary = "用户（系统管理员或安全管理员）")
    List<AccountView> users(@AuthenticationPrincipal CurrentUser me) {
        List<AppUser> list = me.has(Role.SECURITY_ADMIN) ? security.users(me) : admin.users(me);
        return list.stream().map(u -> AccountView.of(u, time.today())).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建用户（无角色，由安全管理员授予），返回一次性临时口令，首次登录须修改")
    IssuedPassword createUser(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody UserForm body) {
        OrganisationAdmin.CreatedUser created = admin.createUser(me, body);
        return new IssuedPassword(AccountView.of(created.user(), time.today()), created.temporaryPassword());
    }

    @PutMapping("/users/{id}")
    @Operation(summary = "修改用户（姓名、机关、乡镇、执法证、法律职业资格、启用）")
    AccountView updateUser(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, @Valid @RequestBody UserForm body) {
        return AccountView.of(admin.updateUser(me, id, body), time.today());
    }

    @PostMapping("/users/{id}/password-reset")
    @Operation(summary = "重置口令：返回一次性临时口令，下次登录须修改")
    IssuedPassword resetPassword(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id) {
        String temporary = admin.resetPassword(me, id);
        return new IssuedPassword(AccountView.of(admin.user(me, id), time.today()), temporary);
    }

    @PutMapping("/users/{id}/roles")
    @Operation(summary = "授予角色（安全管理员；三员互斥且不得兼任业务角色，法制审核人员须有法律职业资格）")
    AccountView assignRoles(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id, @Valid @RequestBody RolesForm body) {
        return AccountView.of(security.assignRoles(me, id, body.roles(), body.version()), time.today());
    }

    @PostMapping("/users/{id}/unlock")
    @Operation(summary = "解锁因连续登录失败被锁定的账号（安全管理员）")
    AccountView unlock(@AuthenticationPrincipal CurrentUser me, @PathVariable Long id) {
        security.unlock(me, id);
        return AccountView.of(security.user(me, id), time.today());
    }

    @GetMapping("/security-policy")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "口令与锁定策略（安全管理员）")
    PolicyForm policy() {
        return policies.current();
    }

    @PutMapping("/security-policy")
    @Operation(summary = "修改口令与锁定策略（安全管理员；口令不少于8位2类字符，失败不超过10次即锁定）")
    PolicyForm changePolicy(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody PolicyForm body) {
        policies.change(me, body);
        return policies.current();
    }
}
