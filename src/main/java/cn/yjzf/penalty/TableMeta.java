package cn.yjzf.penalty;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a maintainer states about an imported 基准 table; the tiers come from the file. */
public record TableMeta(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9-]+") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String issuer,
        @NotBlank @Size(max = 100) String documentNumber,
        @NotBlank @Pattern(regexp = "全国|省|市|县") String scopeLevel,
        @Size(max = 100) String region,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @Schema(description = "量化指标下限是否含本数（“以上”含本数时为 true）") Boolean lowerInclusive,
        @Schema(description = "量化指标上限是否含本数（“以下”含本数时为 true；493号令式“以下不含本数”为 false）") Boolean upperInclusive,
        @NotBlank @Size(max = 1000) String source,
        @NotBlank @Size(max = 2000) String changeNote) {

    DiscretionTable toTable(java.util.List<DiscretionTier> tiers) {
        return new DiscretionTable(code, name, issuer, documentNumber, scopeLevel, region, validFrom, validTo, true,
                issuer + " " + documentNumber, Boolean.TRUE.equals(lowerInclusive), Boolean.TRUE.equals(upperInclusive), source, tiers);
    }
}
