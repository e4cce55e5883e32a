package cn.yjzf.judgment;

import java.time.LocalDate;
import java.util.Map;

/** What the engine judges: the enterprise, its sector, the inspection date and the checklist answers (code → value). */
public record FindingFacts(EnterpriseFacts enterprise, String sector, LocalDate inspectionDate,
                           Map<String, String> answers) {

    public FindingFacts {
        // a null answer is an unanswered question (JSON clients send them), never a value
        answers = answers == null ? Map.of() : answers.entrySet().stream()
                .filter(a -> a.getKey() != null && a.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
