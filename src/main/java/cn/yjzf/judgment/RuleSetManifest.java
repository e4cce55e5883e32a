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
                              String source, String description, Integer totalItems, List<Gap> gaps,
                              List<Route> routes) {

    /**
     * Where a finding of a domain this standard does not grade goes (工贸 第二条): {@code reason} is shown to the officer
     * and names the standard or authority to apply; {@code source} is where that comes from.
     */
    public record Route(String domain, String reason, String source) {
    }

    public java.util.Optional<Route> route(String domain) {
        return routes == null ? java.util.Optional.empty()
                : routes.stream().filter(r -> r.domain().equals(domain)).findFirst();
    }

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
