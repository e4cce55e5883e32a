package cn.yjzf.penalty;

import java.time.LocalDate;
import java.util.List;

/** {@code penalty-set.yaml}: which law's penalty provisions a penalty rule family encodes, and when they are in force. */
public record PenaltySetManifest(String id, String name, String law, String documentNumber, String version,
        LocalDate effectiveFrom, LocalDate effectiveTo, String source, List<String> articles, List<String> gaps) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public String ref() {
        return id + "@" + version;
    }
}
