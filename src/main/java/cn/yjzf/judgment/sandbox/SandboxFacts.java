package cn.yjzf.judgment.sandbox;

import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.judgment.FindingFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A finding's facts as JSON for the sandbox child (the engine's fact classes are not meant for binding). */
record SandboxFacts(String industry, List<String> flags, Integer majorHazardSourceLevel, String sector,
                    LocalDate inspectionDate, Map<String, String> answers) {

    static SandboxFacts of(FindingFacts f) {
        return new SandboxFacts(f.enterprise().getIndustry(), List.copyOf(f.enterprise().getFlags()),
                f.enterprise().getMajorHazardSourceLevel(), f.sector(), f.inspectionDate(), f.answers());
    }

    FindingFacts toFacts() {
        return new FindingFacts(new EnterpriseFacts(industry, flags == null ? Set.of() : Set.copyOf(flags),
                majorHazardSourceLevel), sector, inspectionDate, answers);
    }
}
