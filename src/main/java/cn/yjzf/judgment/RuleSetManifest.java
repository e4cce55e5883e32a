package cn.yjzf.judgment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code ruleset.yaml}: what a rule-set directory encodes and when it is in force.
 * {@code effectiveTo} is the last day in force (inclusive), null while the standard is current.
 * The inspection date, never today's date, selects the rule sets (Drools' date-effective cannot).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleSetManifest(String id, String name, String standard, String documentNumber, String version,
                              LocalDate effectiveFrom, LocalDate effectiveTo, List<String> sectors,
                              String source, String description, Integer totalItems, List<Gap> gaps) {

    /** An item of the standard that is deliberately not encoded, with the reason (shown in the coverage report). */
    public record Gap(String article, String item, String reason) {
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean covers(String sector) {
        return sectors != null && sectors.contains(sector);
    }
}
