package cn.yjzf.penalty;

import java.time.LocalDate;
import java.util.List;

/**
 * A 裁量基准 table as data: who issued it, its number, scope (全国/省/市/县 and region), validity (both ends included),
 * whether it is an official table, the label every proposal shows, how tier bounds read (以上/以下 inclusivity is a
 * per-table setting) and its tiers.
 */
public record DiscretionTable(String code, String name, String issuer, String documentNumber, String scopeLevel,
        String region, LocalDate validFrom, LocalDate validTo, boolean official, String label, boolean lowerInclusive,
        boolean upperInclusive, String source, List<DiscretionTier> tiers) {

    public static final String DEFAULT_LABEL = "系统默认（非官方基准）";

    public DiscretionTable {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public List<DiscretionTier> tiersOf(String violationCode) {
        return tiers.stream().filter(t -> t.violationCode().equals(violationCode)).toList();
    }

    /** How scopes layer: a more local table wins for the violations it covers. */
    public int scopeRank() {
        return switch (scopeLevel == null ? "" : scopeLevel) {
            case "县" -> 3;
            case "市" -> 2;
            case "省" -> 1;
            default -> 0;
        };
    }

    public DiscretionTable withTiers(List<DiscretionTier> newTiers) {
        return new DiscretionTable(code, name, issuer, documentNumber, scopeLevel, region, validFrom, validTo, official,
                label, lowerInclusive, upperInclusive, source, newTiers);
    }
}
