package cn.yjzf.batch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One finding to judge without storing it: the enterprise's industry (Chinese label, e.g. 建材), flags and 重大危险源
 * level, the inspection date and the checklist answers. {@code id} is the caller's own reference, echoed back.
 */
public record BatchFinding(String id, String industry, List<String> flags, Integer majorHazardSourceLevel,
                           LocalDate inspectionDate, Map<String, String> answers) {
}
