package cn.yjzf.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** One year's official schedule as an administrator enters it: the days off and the make-up working days (调休上班). */
public record YearSchedule(@NotBlank @Size(max = 300) String source, @NotNull @Size(max = 400) List<@NotNull @jakarta.validation.Valid Day> days) {

    public record Day(@NotNull LocalDate day, @NotNull Kind kind, @NotBlank @Size(max = 30) String name) {
    }

    public enum Kind { HOLIDAY, WORKDAY }
}
