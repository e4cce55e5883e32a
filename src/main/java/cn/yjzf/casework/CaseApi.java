package cn.yjzf.casework;

import cn.yjzf.common.ApiError;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "行政处罚案件", description = "立案、调查、三级审核、告知、决定、送达、执行、结案")
class CaseApi {

    private final CaseworkService service;
    private final CaseViews views;
    private final CaseDeadlines deadlines;

    private final cn.yjzf.common.AppTime time;

    CaseApi(CaseworkService service, CaseViews views, CaseDeadlines deadlines, cn.yjzf.common.AppTime time) {
        this.time = time;
        this.service = service;
        this.views = views;
        this.deadlines = deadlines;
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "立案申请（一般程序）或当场处罚（简易程序）")
    CaseView open(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewCase body) {
        return views.of(user, service.open(user, body).getId());
    }

    @GetMapping("/cases")
    List<Summary> list(@AuthenticationPrincipal CurrentUser user) {
        return service.list(user).stream().map(c -> new Summary(c.getId(), c.getPartyName(), c.getCause(),
                c.getStage().name(), c.getStage().label(), c.getVersion())).toList();
    }

    record Summary(Long id, String partyName, String cause, String stage, String stageLabel, long version) {
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "案件：当前环节与办理人、历史、期限、下一步缺少的程序")
    CaseView get(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return views.of(user, id);
    }

    @PostMapping("/cases/{id}/acts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记调查取证（询问笔录、勘验笔录、证据材料；两名以上持证执法人员）")
    CaseView addAct(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody NewAct body) {
        service.addAct(user, id, body);
        return views.of(user, id);
    }

    @PostMapping("/cases/{id}/actions")
    @Operation(summary = "办理一个环节：审批通过、退回（写明理由）、送达、决定、缴款、结案等；version 为所见案件版本")
    CaseView act(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @Valid @RequestBody CaseCommand body) {
        service.perform(user, id, body);
        return views.of(user, id);
    }

    @GetMapping("/tasks/mine")
    @Operation(summary = "我的待办（含期限）")
    List<TaskRow> myTasks(@AuthenticationPrincipal CurrentUser user) {
        LocalDate today = time.today();
        return service.myTasks(user).stream().map(t -> TaskRow.of(t, today, deadlines)).toList();
    }

    record TaskRow(Long taskId, Long caseId, String stage, String stageLabel, LocalDate dueOn, String dueStatus) {
        static TaskRow of(CaseTask t, LocalDate today, CaseDeadlines d) {
            return new TaskRow(t.getId(), t.getCaseId(), t.getStage().name(), t.getStage().label(), t.getDueOn(),
                    d.statusOf(t.getDueOn(), today).name());
        }
    }

    /** The missing steps as a list, each naming the step and its citation. */
    @ExceptionHandler(ProcedureViolation.class)
    ResponseEntity<ApiError> refused(ProcedureViolation e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(e.code(), e.getMessage(),
                e.missing().stream().map(m -> new FieldProblem(m.step(), m.rule(), m.requirement() + "（" + m.citation() + "）"))
                        .toList()));
    }
}
