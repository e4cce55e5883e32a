package cn.yjzf.rectification;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsCases
@Tag(name = "整改跟踪", description = "每项隐患：已下达 → 整改中 → 待复查 → 复查通过 / 复查未通过（→ 立案）；每步须携带 version，"
        + "过期返回 409 CONCURRENT_EDIT，状态不允许返回 409 WRONG_STATE，每步留痕")
class RectificationLifecycleApi {

    private final RectificationLifecycle lifecycle;

    RectificationLifecycleApi(RectificationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    record TrackDto(Long id, Long orderId, int seq, Long hazardId, boolean major, TrackStatus status, String statusLabel,
                    LocalDate deadline, boolean overdue, String lastNote, LocalDate extensionDeadline,
                    String extensionReason, int extensionsGranted, List<SiteMeasure> measures, boolean workSuspended,
                    LocalDate workResumedOn, LocalDate reinspectedOn, Long caseId, long version) {

        static TrackDto of(RectificationTrack t) {
            return new TrackDto(t.getId(), t.getOrderId(), t.getSeq(), t.getHazardId(), t.isMajor(), t.getStatus(),
                    t.getStatus().label(), t.getDeadline(), t.isOverdue(), t.getLastNote(), t.getExtensionDeadline(),
                    t.getExtensionReason(), t.getExtensionsGranted(), t.getMeasures(), t.isWorkSuspended(),
                    t.getWorkResumedOn(), t.getReinspectedOn(), t.getCaseId(), t.getVersion());
        }
    }

    @GetMapping("/api/rectification-orders/{orderId}/items")
    List<TrackDto> items(@AuthenticationPrincipal CurrentUser user, @PathVariable Long orderId) {
        return lifecycle.ofOrder(user.jurisdiction(), orderId).stream().map(TrackDto::of).toList();
    }

    @GetMapping("/api/rectification-items/due")
    @Operation(summary = "七日内到期（待复查）及已逾期的整改事项")
    List<TrackDto> due(@AuthenticationPrincipal CurrentUser user) {
        return lifecycle.due(user.jurisdiction()).stream().map(TrackDto::of).toList();
    }

    @GetMapping("/api/rectification-items/{id}")
    TrackDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return TrackDto.of(lifecycle.get(user.jurisdiction(), id));
    }

    @PostMapping("/api/rectification-items/{id}/progress")
    @Operation(summary = "登记企业整改情况（整改中），note 必填")
    TrackDto progress(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.recordProgress(user, id, a));
    }

    @PostMapping("/api/rectification-items/{id}/reinspection-request")
    @Operation(summary = "企业报告整改完成，申请复查（待复查），note 必填")
    TrackDto requestReinspection(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                 @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.requestReinspection(user, id, a));
    }

    @PostMapping("/api/rectification-items/{id}/reinspection")
    @Operation(summary = "复查：passed=true 销号；false 可给 newDeadline 重新限期，或之后立案")
    TrackDto reinspect(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.reinspect(user, id, a));
    }

    @PostMapping("/api/rectification-items/{id}/extension")
    @Operation(summary = "申请延期：until 新期限，note 理由")
    TrackDto requestExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                              @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.requestExtension(user, id, a));
    }

    @PostMapping("/api/rectification-items/{id}/extension-decision")
    @Operation(summary = "负责人审批延期：approve=true/false（不能审批本人的申请）")
    TrackDto decideExtension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                             @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.decideExtension(user, id, a));
    }

    @PostMapping("/api/rectification-items/{id}/site-measures")
    @Operation(summary = "安全生产法第六十五条现场处理措施（仅重大事故隐患）；复查通过后方可恢复")
    TrackDto measures(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.orderMeasures(user, id, a));
    }

    @PostMapping("/api/rectification-items/{id}/escalation")
    @Operation(summary = "逾期未整改或复查未通过：一步立案（第一百零二条，来源：逾期未整改），handlerIds 为其他承办人")
    TrackDto escalate(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody TrackAction a) {
        return TrackDto.of(lifecycle.escalate(user, id, a));
    }
}
