package cn.yjzf.casework;

import cn.yjzf.casework.CaseEnums.PartyType;
import cn.yjzf.casework.CaseEnums.Procedure;
import cn.yjzf.casework.CaseEnums.Source;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 立案申请 (general procedure) or 当场处罚 (summary procedure: {@code penalty}, {@code fine} and {@code decidedOn}).
 * {@code matterCode} is the violation / matter, checked against a township's delegation catalogue.
 */
public record NewCase(
        Long enterpriseId,
        @NotBlank @Size(max = 200) String partyName,
        @NotNull PartyType partyType,
        @NotBlank @Size(max = 60) String matterCode,
        Long townshipId,
        @NotNull Source source,
        @Size(max = 100) String sourceRef,
        @NotBlank @Size(max = 300) String cause,
        @NotNull @Size(min = 1, max = 10) List<@NotNull Long> handlerIds,
        Procedure procedure,
        @Size(max = 300) String penalty,
        @DecimalMin("0") BigDecimal fine,
        @PastOrPresent LocalDate decidedOn) {

    public Procedure procedureOrDefault() {
        return procedure == null ? Procedure.GENERAL : procedure;
    }
}
