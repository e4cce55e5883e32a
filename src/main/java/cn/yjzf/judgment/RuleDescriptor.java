package cn.yjzf.judgment;

import java.util.Map;

/** A compiled rule with where it is written and the citation metadata it carries. */
public record RuleDescriptor(String name, String file, int line, Map<String, Object> metadata) {

    public Citation citation() {
        return Citation.fromMetadata(name, metadata);
    }
}
