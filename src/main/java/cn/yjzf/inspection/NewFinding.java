package cn.yjzf.inspection;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A finding: {@code checklistGroup} with every question of that group answered lets the rules grade it, otherwise it
 * is recorded as free text and judged 未匹配. The description (the officer's words) is required for free text; with a
 * checklist group it may be left blank and is then drafted from the answers, to be edited before the order is issued.
 */
public record NewFinding(
        String checklistGroup,
        Map<String, String> answers,
        @Size(max = 2000, message = "隐患描述不超过2000字") String description,
        @Size(max = 300, message = "位置不超过300字") String location) {
}
