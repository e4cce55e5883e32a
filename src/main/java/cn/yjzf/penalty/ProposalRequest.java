package cn.yjzf.penalty;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Violations of one case with their circumstances, the date of the violation and the date of the decision. */
public record ProposalRequest(
        @Schema(description = "违法行为发生日期（连续或继续状态的，为行为终了之日）") @NotNull LocalDate violationDate,
        @Schema(description = "拟作出处罚决定的日期") @NotNull LocalDate decisionDate,
        @NotEmpty @Size(max = 10000) @Valid List<@NotNull ViolationRequest> violations) {

    public record ViolationRequest(
            @Schema(description = "违法行为库编码，如 AQF-099-1") @NotBlank @Size(max = 40) String violationCode,
            @Schema(description = "首次 / 逾期未改正 / 拒不执行 / 拒不改正；默认首次") @Size(max = 10) String stage,
            @Schema(description = "同一违法行为的标识：同一标识下的多项按行政处罚法第二十九条择一（罚款数额高的）") @Size(max = 40) String act,
            @Schema(description = "来源隐患 id（由判定的隐患开案时）") Long hazardId,
            @Schema(description = "基准阶次的量化指标值（处数、台数、人数比例%、投资额元等）") @PositiveOrZero Long metricValue,
            @Schema(description = "责任人上一年年收入（元），第九十五、九十六、一百一十条需要") @PositiveOrZero Long annualIncome,
            @Schema(description = "违法所得（元）；没有的不填") @PositiveOrZero Long illegalIncome,
            boolean causedAccident, boolean seriousCircumstances, boolean especiallySerious, boolean absconded,
            boolean finedAndStillUncorrected,
            @Valid AccidentInput accident,
            FrameInput.CircumstanceSpec circumstances,
            FrameInput.HistorySpec history) {
    }

    public record AccidentInput(@PositiveOrZero int deaths, @PositiveOrZero int seriousInjuries,
            @PositiveOrZero long directLoss) {
    }
}
