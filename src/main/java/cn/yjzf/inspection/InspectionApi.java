package cn.yjzf.inspection;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
@ReadsCases
@RequestMapping("/api/inspections")
@Tag(name = "现场检查", description = "检查、检查发现与隐患判定")
class InspectionApi {

    private final InspectionService inspections;
    private final FindingDescriptions descriptions;

    InspectionApi(InspectionService inspections, FindingDescriptions descriptions) {
        this.inspections = inspections;
        this.descriptions = descriptions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "新建现场检查（不少于两名持有效执法证的执法人员）")
    InspectionDto open(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewInspection body) {
        Inspection i = inspections.open(user, body);
        return InspectionDto.of(inspections.view(user.jurisdiction(), i.getId()));
    }

    @GetMapping("/{id}")
    InspectionDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return InspectionDto.of(inspections.view(user.jurisdiction(), id));
    }

    @GetMapping("/{id}/checklist")
    @Operation(summary = "该企业在检查日期适用的检查项（隐患描述标准库）")
    List<ChecklistGroup> checklist(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return inspections.checklistFor(user.jurisdiction(), id);
    }

    @PostMapping("/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "记录检查发现并按检查日期施行的判定标准判定：重大事故隐患 / 一般事故隐患 / 未匹配")
    InspectionDto.FindingDto addFinding(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                        @Valid @RequestBody NewFinding body) {
        return InspectionDto.FindingDto.of(inspections.addFinding(user, id, body));
    }

    @PutMapping("/{id}/findings/{findingId}/grade")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "人工判定未匹配的检查发现（须填写理由；version 用于检测并发修改）")
    InspectionDto.HazardDto grade(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                  @PathVariable Long findingId, @Valid @RequestBody ManualGrade body) {
        return InspectionDto.HazardDto.of(inspections.gradeManually(user, id, findingId, body));
    }

    @PutMapping("/{id}/findings/{findingId}/description")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    @Operation(summary = "修改隐患描述（整改指令书所载文字；下达前可改，version 用于检测并发修改）")
    InspectionDto.FindingDto describe(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                                      @PathVariable Long findingId, @Valid @RequestBody FindingDescription body) {
        descriptions.reword(user, id, findingId, body);
        return InspectionDto.of(inspections.view(user.jurisdiction(), id)).findings().stream()
                .filter(f -> f.id().equals(findingId)).findFirst().orElseThrow();
    }
}
