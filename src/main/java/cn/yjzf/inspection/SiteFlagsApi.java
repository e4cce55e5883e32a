package cn.yjzf.inspection;

import cn.yjzf.common.InvalidInputException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recording on an inspection an article-scoping flag (粉尘涉爆 …) found on site, over the API. */
@RestController
@Tag(name = "现场检查", description = "检查、检查发现与隐患判定")
class SiteFlagsApi {

    private final SiteFlags siteFlags;

    SiteFlagsApi(SiteFlags siteFlags) {
        this.siteFlags = siteFlags;
    }

    record FlagFound(String flag, Long enterpriseVersion) {
    }

    record EnterpriseFlags(List<String> flags, long version) {
        static EnterpriseFlags of(Enterprise e) {
            return new EnterpriseFlags(List.copyOf(e.flagLabels()), e.getVersion());
        }
    }

    @PostMapping("/api/inspections/{id}/enterprise-flags")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "记录现场确认的企业标记（金属冶炼、粉尘涉爆、涉氨制冷、有限空间作业），更新企业登记并留痕；"
            + "enterpriseVersion 为所见的企业版本号")
    EnterpriseFlags recordApi(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestBody FlagFound body) {
        if (body.enterpriseVersion() == null) {
            throw new InvalidInputException("enterpriseVersion", "REQUIRED", "请提供所见的企业版本号");
        }
        return EnterpriseFlags.of(siteFlags.record(user, id, body.flag(), body.enterpriseVersion()));
    }

}
