package cn.yjzf.enterprise;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.common.Paging;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsCases
@RequestMapping("/api/enterprises")
@Tag(name = "企业", description = "生产经营单位登记（按管辖范围）")
class EnterpriseApi {

    private final EnterpriseService enterprises;
    private final Paging paging;

    EnterpriseApi(EnterpriseService enterprises, Paging paging) {
        this.enterprises = enterprises;
        this.paging = paging;
    }

    @GetMapping
    @Operation(summary = "按名称或统一社会信用代码查询本辖区企业（按名称拼音排序，分页：page 从 1 起，总数见 X-Total-Count）")
    ResponseEntity<List<EnterpriseDto>> search(@AuthenticationPrincipal CurrentUser user,
                                               @RequestParam(defaultValue = "") String q,
                                               @RequestParam(defaultValue = "1") int page) {
        Page<Enterprise> found = enterprises.page(user.jurisdiction(), q, paging.page(page));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.getTotalElements()))
                .body(found.getContent().stream().map(EnterpriseDto::of).toList());
    }

    @GetMapping("/{id}")
    EnterpriseDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return EnterpriseDto.of(enterprises.get(user.jurisdiction(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "登记企业（统一社会信用代码按 GB 32100 校验）")
    EnterpriseDto register(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewEnterprise body) {
        return EnterpriseDto.of(enterprises.register(user, body));
    }
}
