package cn.yjzf.casework;

import cn.yjzf.common.input.InputBounds;
import cn.yjzf.common.input.NoControlChars;
import cn.yjzf.common.input.SaneDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the 办案期限 extension, 延期/分期 payment, 催告 and court application (API and page forms). */
public final class ExecutionCommands {

    private ExecutionCommands() {
    }

    /** 延长办案期限申请: the new date and why. */
    public record ExtensionRequest(@NotNull @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD) LocalDate requestedDue,
                                   @NotBlank @Size(max = 1000) @NoControlChars(multiline = true) String reason) {
    }

    /** The 负责人's decision on an application; {@code version} is the application's version as seen. */
    public record DecisionRequest(@NotNull Boolean approve, @NotNull Long version,
                                  @Size(max = 1000) @NoControlChars(multiline = true) String note) {
    }

    public record Instalment(@NotNull @SaneDate(yearsAhead = InputBounds.MAX_YEARS_AHEAD) LocalDate dueOn,
                             @NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
                             BigDecimal amount) {
    }

    /** 延期/分期缴纳申请 as the party made it: reason, date of the application and the plan. */
    public record ArrangementRequest(@NotNull PaymentArrangement.Kind kind,
                                     @NotBlank @Size(max = 1000) @NoControlChars(multiline = true) String reason,
                                     @NotNull @SaneDate LocalDate appliedOn,
                                     @NotNull @Size(min = 1, max = 36) List<@NotNull @Valid Instalment> instalments) {
    }

    /** A payment received under an approved plan. */
    public record InstalmentPayment(@NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
                                    BigDecimal amount, @NotNull @SaneDate LocalDate paidOn) {
    }

    /** 催告书: when it was served and what it demanded (amount, period, manner: 行政强制法第三十五条). */
    public record DemandRequest(@NotNull @SaneDate LocalDate servedOn,
                                @NotBlank @Size(max = 2000) @NoControlChars(multiline = true) String content) {
    }

    public record CourtApplicationRequest(@NotNull @SaneDate LocalDate appliedOn,
                                          @NotBlank @Size(max = 100) @NoControlChars String court) {
    }

    public record CourtResultRequest(@NotBlank @Size(max = 1000) @NoControlChars(multiline = true) String result,
                                     @NotNull @SaneDate LocalDate resultOn, @NotNull Long version) {
    }

    public record RemovalRequest(@NotBlank @Size(max = 500) @NoControlChars(multiline = true) String reason,
                                 @NotNull Long version) {
    }
}
