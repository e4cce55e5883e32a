package cn.yjzf.judgment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** {@code checklist.yaml} of a rule set: the 隐患描述标准库 its rules judge. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Checklist(List<ChecklistGroup> groups) {

    public Checklist {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public Optional<ChecklistGroup> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Optional<ChecklistQuestion> question(String code) {
        return groups.stream().flatMap(g -> g.questions().stream()).filter(q -> q.code().equals(code)).findFirst();
    }
}
