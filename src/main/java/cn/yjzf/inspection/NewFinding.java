package cn.yjzf.inspection;

import cn.yjzf.common.input.NoControlChars;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A finding: {@code checklistGroup} with every question of that group answered lets the rules grade it, otherwise it
 * is recorded as free text and judged 未匹配. The description (the officer's words) is required for free text; with a
 * checklist group it may be left blank and is then drafted from the answers, to be edited before the order is issued.
 */
public record NewFinding(
        @Size(max = 40, message = "检查项组编号不超过40字") @NoControlChars String checklistGroup,
        @Size(max = 200, message = "检查项过多") Map<@Size(max = 40, message = "检查项编号不超过40字") @NoControlChars String,
                @Size(max = 100, message = "答案不超过100字") @NoControlChars String> answers,
        @Size(max = 2000, message = "隐患描述不超过2000字") @NoControlChars(multiline = true) String description,
        @Size(max = 300, message = "位置不超过300字") @NoControlChars String location) {
}
