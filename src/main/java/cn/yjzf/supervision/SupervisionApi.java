package cn.yjzf.supervision;

import cn.yjzf.common.Paging;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.ReadsCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ReadsCases
@Tag(name = "挂牌督办", description = "重大事故隐患：挂牌 → 治理方案 → 延期 → 验收 → 销号；每步须携带 version（过期 409 CONCURRENT_EDIT），"
        + "状态不允许 409 WRONG_STATE，不在督办层级 403，范围外与不存在同为 404，每步留痕")
class SupervisionApi {

    static final String ENFORCERS = "hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')";
    static final String APPROVERS = "hasRole('APPROVER')";

    private final SupervisionService service;
    private final SupervisionReminders reminders;
    private final Paging paging;

    SupervisionApi(SupervisionService service, SupervisionReminders reminders, Paging paging) {
        this.service = service;
        this.reminders = reminders;
        this.paging = paging;
    }

    record DueDto(SupervisionPeriod period, String label, LocalDate date, Integer days, String unit, String source) {

        static DueDto of(Due d) {
            return new DueDto(d.period(), d.period().label(), d.date(), d.rule().days(), d.rule().unit(), d.rule().source());
        }
    }

    record ListingDto(Long id, Long trackId, Long orderId, String hazard, String enterpriseName, SupervisionLevel level,
                      String levelLabel, String supervisingBody, String documentNo, String responsiblePerson,
                      LocalDate deadline, BigDecimal funds, LocalDate listedOn, LocalDate filedOn, LocalDate publishedOn,
                      SupervisionStatus status, String statusLabel, String ruleSet, Map<String, String> plan,
                      LocalDate extensionUntil, String extensionReason, int extensionsGranted, String lastDecision,
                      Boolean acceptancePassed, String acceptanceNote, LocalDate acceptedOn, LocalDate closedOn,
                      String trackStatus, String awaiting, List<DueDto> dues, long version) {

        static ListingDto of(ListingView v) {
            SupervisionListing l = v.listing();
            return new ListingDto(l.getId(), l.getTrackId(), v.orderId(), v.hazard(), v.enterpriseName(), l.getLevel(),
                    l.getLevel().label(), v.supervisingBody(), l.getDocumentNo(), l.getResponsiblePerson(),
                    l.getDeadline(), l.getFunds(), l.getListedOn(), l.getFiledOn(), l.getPublishedOn(), l.getStatus(),
                    l.getStatus().label(), l.getRuleSet(), l.getPlan(), l.getExtensionUntil(), l.getExtensionReason(),
                    l.getExtensionsGranted(), l.getLastDecision(), l.getAcceptancePassed(), l.getAcceptanceNote(),
                    l.getAcceptedOn(), l.getClosedOn(), v.trackStatus(), v.awaiting(),
                    v.dues().stream().map(DueDto::of).toList(), l.getVersion());
        }
    }

    private ListingDto dto(CurrentUser u, SupervisionListing l) {
        return ListingDto.of(service.view(u, l));
    }

    private ResponseEntity<List<ListingDto>> page(CurrentUser user, Page<SupervisionListing> found) {
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.getTotalElements()))
                .body(found.getContent().stream().map(l -> dto(user, l)).toList());
    }

    @GetMapping("/api/supervision/listings")
    @Operation(summary = "可见的挂牌督办：本辖区的隐患，及本机关或下级机关督办的（新者在前，分页：page 从 1 起，总数见 X-Total-Count）")
    ResponseEntity<List<ListingDto>> listings(@AuthenticationPrincipal CurrentUser user,
                                              @RequestParam(defaultValue = "1") int page) {
        return page(user, service.visible(user, paging.page(page)));
    }

    @GetMapping("/api/supervision/queue")
    @Operation(summary = "督办层级待办：延期申请待决定、复查通过待验收、验收合格待销号（本机关及下级机关督办的；分页同上）")
    ResponseEntity<List<ListingDto>> queue(@AuthenticationPrincipal CurrentUser user,
                                           @RequestParam(defaultValue = "1") int page) {
        return page(user, service.queue(user, paging.page(page)));
    }

    @GetMapping("/api/supervision/reminders")
    @Operation(summary = "挂牌督办提醒：督办层级待决定延期、待验收、待销号及已逾期的；隐患所在辖区待报治理方案、七日内到期及已逾期的")
    List<SupervisionReminder> reminders(@AuthenticationPrincipal CurrentUser user) {
        return reminders.of(user);
    }

    @GetMapping("/api/supervision/listings/{id}")
    ListingDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return dto(user, service.get(user, id));
    }

    @PostMapping("/api/supervision/listings")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "挂牌督办（负责人；本机关所在层级或以下）：trackId 为重大事故隐患的整改事项")
    ListingDto list(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewListing cmd) {
        return dto(user, service.list(user, cmd));
    }

    @PostMapping("/api/supervision/listings/{id}/plan")
    @PreAuthorize(ENFORCERS)
    @Operation(summary = "报送治理方案：plan 为要素代码 → 内容，须含所用规则的全部要素（缺少的要素逐项报 400 PLAN_PART_MISSING）")
    ListingDto plan(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody ListingAction a) {
        return dto(user, service.filePlan(user, id, a));
    }

    @PostMapping("/api/supervision/listings/{id}/extension")
    @PreAuthorize(ENFORCERS)
    @Operation(summary = "申请延期：until 新期限，note 理由（配置了提前天数时须在期限届满前相应天数提出）")
    ListingDto extension(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                         @Valid @RequestBody ListingAction a) {
        return dto(user, service.requestExtension(user, id, a));
    }

    @PostMapping("/api/supervision/listings/{id}/extension-decision")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "督办层级负责人决定延期：approve=true/false（不能决定本人的申请）")
    ListingDto decision(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                        @Valid @RequestBody ListingAction a) {
        return dto(user, service.decideExtension(user, id, a));
    }

    @PostMapping("/api/supervision/listings/{id}/acceptance")
    @PreAuthorize(ENFORCERS)
    @Operation(summary = "督办层级验收：passed、note（验收情况与证据）；合格须该隐患已复查通过")
    ListingDto acceptance(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                          @Valid @RequestBody ListingAction a) {
        return dto(user, service.accept(user, id, a));
    }

    @PostMapping("/api/supervision/listings/{id}/closure")
    @PreAuthorize(APPROVERS)
    @Operation(summary = "督办层级负责人批准销号（不能是验收人），即日公布为销号，整改事项随之销号")
    ListingDto closure(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                       @Valid @RequestBody ListingAction a) {
        return dto(user, service.close(user, id, a));
    }
}
