package cn.yjzf.judgment;

import java.time.LocalDate;
import java.util.Map;

/** What the engine judges: the enterprise, its sector, the inspection date and the checklist answers (code → value). */
public record FindingFacts(EnterpriseFacts enterprise, String sector, LocalDate inspectionDate,
                           Map<String, String> answers) {

    public FindingFacts {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
