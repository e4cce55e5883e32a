package cn.yjzf.judgment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A snapshot of the text files under the rules directory, keyed by path relative to it ("gongmao-2023/article-06.drl").
 * Read from disk when the directory exists (the normal case: maintainers edit it), otherwise from the copy
 * packaged in the jar so that a jar started elsewhere still has the published rules.
 */
public record RuleFiles(String origin, SortedMap<String, String> files) {

    public static RuleFiles read(Path dir) {
        if (Files.isDirectory(dir)) {
            return fromDirectory(dir);
        }
        return fromClasspath("rules");
    }

    public static RuleFiles fromDirectory(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (isRuleFile(rel)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取规则目录 " + dir.toAbsolutePath(), e);
        }
        return new RuleFiles(dir.toString().replace('\\', '/'), Collections.unmodifiableSortedMap(files));
    }

    public static RuleFiles fromClasspath(String root) {
        SortedMap<String, String> files = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "/**/*")) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf("/" + root + "/");
                if (!r.isReadable() || at < 0) {
                    continue;
                }
                String rel = url.substring(at + root.length() + 2);
                if (isRuleFile(rel)) {
                    try (InputStream in = r.getInputStream()) {
                        files.put(rel, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取打包的规则", e);
        }
        return new RuleFiles("classpath:" + root, Collections.unmodifiableSortedMap(files));
    }

    public static boolean isRuleFile(String rel) {
        return rel.endsWith(".drl") || rel.endsWith(".yaml") || rel.endsWith(".yml");
    }

    /** Path as shown to a maintainer in messages: "rules/gongmao-2023/article-06.drl". */
    public String display(String rel) {
        return (origin.startsWith("classpath:") ? origin : origin.replaceAll("/+$", "")) + "/" + rel;
    }

    /** SHA-256 over every path and text (line endings normalised): two snapshots with the same hash are the same rules. */
    public String contentHash() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                md.update(path.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> under(String prefix) {
        SortedMap<String, String> sub = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                sub.put(k, v);
            }
        });
        return sub;
    }
}
