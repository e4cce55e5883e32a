package cn.yjzf.judgment;

/** Identifies the exact rule set a judgment was made with: id, version and SHA-256 of its files. */
public record RuleSetRef(String id, String version, String hash) {

    /** "gongmao-2023@1.0.0#sha256:3fa2…" as stored with each hazard. */
    public String display() {
        return id + "@" + version + "#sha256:" + hash;
    }

    public static RuleSetRef parse(String s) {
        int at = s.indexOf('@');
        int hashAt = s.indexOf("#sha256:");
        return new RuleSetRef(s.substring(0, at), s.substring(at + 1, hashAt), s.substring(hashAt + 8));
    }
}
