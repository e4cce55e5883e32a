package cn.yjzf.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A finding: the description is always required; {@code checklistGroup} with every question of that group answered
 * lets the rules grade it, otherwise it is recorded as free text and judged 未匹配.
 */
public record NewFinding(
        String checklistGroup,
        Map<String, String> answers,
        @NotBlank(message = "请填写隐患描述") @Size(max = 2000, message = "隐患描述不超过2000字") String description,
        @Size(max = 300, message = "位置不超过300字") String location) {
}
