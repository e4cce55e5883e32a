package cn.yjzf.penalty;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The officer's choice for each violation of a proposal. Inside the proposed range: free. Outside it (but inside the
 * statute): only with a written reason, and the decision is flagged for reviewers. Above the statutory maximum, or
 * below the minimum without 减轻 on a 第三十二条 ground: refused.
 */
public record DecisionRequest(
        @Schema(description = "处罚建议的版本号（乐观锁）") long version,
        @NotEmpty @Valid List<Choice> choices) {

    public record Choice(
            @Schema(description = "违法行为序号（从 0 起）") @PositiveOrZero int index,
            @Schema(description = "对单位的罚款（元）") @PositiveOrZero Long unitAmount,
            @Schema(description = "对个人的罚款（元）") @PositiveOrZero Long personAmount,
            @Schema(description = "偏离建议区间或减轻时的书面理由") @Size(max = 2000) String reason,
            @Schema(description = "减轻处罚（低于法定最低额），须有行政处罚法第三十二条情形") boolean mitigated) {
    }
}
