package cn.yjzf.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A township and its legal footing. {@code matters}: codes of the {@link EnforcementMatterCatalogue}, separated by
 * line breaks or commas (the page's checkboxes arrive comma-joined) — the 委托事项目录 or the matters granted by the
 * provincial decision. {@code validUntil} is required for a 委托书, which must state its period (行政处罚法 第二十条).
 */
public record TownshipForm(
        @NotNull(message = "请选择所属机关") Long agencyId,
        @NotBlank(message = "请填写乡镇（街道）名称") @Size(max = 100, message = "名称不超过100字") String name,
        @NotNull(message = "请选择执法方式（委托或赋权）") TownshipLegalForm legalForm,
        @NotBlank(message = "请填写委托书编号或赋权决定文号") @Size(max = 100, message = "文号不超过100字") String authorityDocNo,
        @NotNull(message = "请填写生效日期") LocalDate validFrom,
        LocalDate validUntil,
        @NotBlank(message = "请从事项目录中选择事项") @Size(max = 20000, message = "事项过长") String matters,
        Long version,
        // 机关代字 for the documents a 赋权 township issues in its own name (e.g. 苏苏江黎应急); optional
        @Size(max = 20, message = "机关代字不超过20字") @cn.yjzf.common.input.NoControlChars String documentCode) {

    java.util.List<String> matterList() {
        return matters == null ? java.util.List.of()
                : java.util.Arrays.stream(matters.split("[,，\\s]+")).map(String::trim).filter(l -> !l.isEmpty()).distinct().toList();
    }
}
