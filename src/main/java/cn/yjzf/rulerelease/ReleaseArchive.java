package cn.yjzf.rulerelease;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.judgment.RuleFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a rules snapshot into a zip for the database and unpacks uploads. An upload is untrusted code: it is
 * size-limited, may contain only rule files (.drl, .yaml) under safe relative paths, and is never compiled here.
 */
final class ReleaseArchive {

    static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
    static final int MAX_UNPACKED_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 1000;

    private ReleaseArchive() {
    }

    static byte[] pack(RuleFiles files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var f : files.files().entrySet()) {
                ZipEntry entry = new ZipEntry(f.getKey());
                entry.setTime(0); // same content, same bytes
                zip.putNextEntry(entry);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks a stored or uploaded zip; a single top folder (e.g. "rules/") is stripped. */
    static RuleFiles unpack(byte[] zipBytes, String origin) {
        if (zipBytes.length > MAX_UPLOAD_BYTES) {
            throw invalid("FILE_TOO_LARGE", "压缩包超过 " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB");
        }
        if (zipBytes.length < 4 || zipBytes[0] != 'P' || zipBytes[1] != 'K') {
            throw invalid("NOT_A_ZIP", "不是有效的 zip 压缩包"); // ZipInputStream would just see no entries
        }
        SortedMap<String, String> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory()) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("..") || name.contains(":") || !RuleFiles.isRuleFile(name)) {
                    throw invalid("UNSAFE_ENTRY", "压缩包只能包含 .drl 和 .yaml 规则文件（相对路径），不接受：" + name);
                }
                byte[] content = zip.readNBytes(MAX_UNPACKED_BYTES + 1);
                total += content.length;
                if (total > MAX_UNPACKED_BYTES || files.size() >= MAX_FILES) {
                    throw invalid("FILE_TOO_LARGE", "解压后超过 " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MB 或 " + MAX_FILES + " 个文件");
                }
                files.put(name, new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw invalid("NOT_A_ZIP", "不是有效的 zip 压缩包");
        }
        if (files.isEmpty()) {
            throw invalid("EMPTY_ARCHIVE", "压缩包中没有规则文件");
        }
        return new RuleFiles(origin, stripTopFolder(files));
    }

    private static SortedMap<String, String> stripTopFolder(SortedMap<String, String> files) {
        String first = files.firstKey();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String top = first.substring(0, slash + 1);
        boolean allUnderTop = files.keySet().stream().allMatch(k -> k.startsWith(top));
        boolean topIsRuleSet = files.containsKey(top + "ruleset.yaml");
        if (!allUnderTop || topIsRuleSet) {
            return files;
        }
        SortedMap<String, String> stripped = new TreeMap<>();
        files.forEach((k, v) -> stripped.put(k.substring(top.length()), v));
        return stripped;
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException(List.of(new FieldProblem("file", code, message)));
    }
}
