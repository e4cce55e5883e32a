package cn.yjzf.judgment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;

/**
 * A group of checklist questions that together answer one item of a standard (e.g. 第六条（一）).
 * {@code industries} empty means every industry of the rule set's sectors; {@code flags} are enterprise
 * flags that must all be present (粉尘涉爆, 涉氨制冷, 有限空间作业, 金属冶炼 …).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ChecklistGroup(String code, String article, String item, String title, List<String> industries,
                             List<String> flags, List<ChecklistQuestion> questions) {

    public boolean appliesTo(String industry, Set<String> enterpriseFlags) {
        boolean industryOk = industries == null || industries.isEmpty() || industries.contains(industry);
        boolean flagsOk = flags == null || enterpriseFlags.containsAll(flags);
        return industryOk && flagsOk;
    }

    public String reference() {
        return Citation.reference(article, item);
    }
}
