package cn.yjzf.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Working days against the official schedules (reference/holiday-schedules.md) seeded by V70. */
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:calendar;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
class WorkingDayCalendarTest {

    @Autowired WorkingDayCalendar calendar;
    @Autowired CalendarAdmin admin;
    @Autowired AuditTrail audit;

    @Test
    void fiveWorkingDaysAcrossSpringFestival2026CountTheMakeUpSaturdayAndSkipTheNineDaysOff() {
        // 告知 served Thu 2026-02-12: Fri 13 (1), Sat 14 调休上班 (2), 15–23 春节, Tue 24 (3), Wed 25 (4), Thu 26 (5)
        WorkingDayCalendar.Due due = calendar.plusWorkingDays(LocalDate.of(2026, 2, 12), 5);
        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(due.exact()).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        // without the schedule the same period would end on Thu 2026-02-19
        assertThat(LocalDate.of(2026, 2, 12).plusDays(7)).isEqualTo(LocalDate.of(2026, 2, 19));
    }

    @Test
    void sevenWorkingDaysAcrossSpringFestival2025IncludeTheSundayMakeUpDay() {
        // Fri 2025-01-24: Sun 26 调休 (1), Mon 27 (2), 28 Jan–4 Feb off, Wed 5 (3), Thu 6 (4), Fri 7 (5), Sat 8 调休 (6), Mon 10 (7)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 24), 7).date()).isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    void aYearWithoutItsScheduleIsComputedFromWeekendsAndFixedHolidaysAndSaidToBeNotExact() {
        WorkingDayCalendar.Due due = calendar.plusWorkingDays(LocalDate.of(2027, 9, 29), 3);
        // Thu 30 Sep (1), 1–3 Oct statutory (Fri, Sat, Sun), Mon 4 (2), Tue 5 (3)
        assertThat(due.date()).isEqualTo(LocalDate.of(2027, 10, 5));
        assertThat(due.exact()).isFalse();
        assertThat(due.yearsWithoutSchedule()).containsExactly(2027);
    }

    @Test
    void theAdministratorEntersAYearAndBadDaysAreRefusedNamingTheField() {
        assertThatThrownBy(() -> admin.replaceYear("sysadmin", 2030, new YearSchedule("测试", List.of(
                new YearSchedule.Day(LocalDate.of(2030, 1, 2), YearSchedule.Kind.WORKDAY, "调休"),
                new YearSchedule.Day(LocalDate.of(2031, 1, 1), YearSchedule.Kind.HOLIDAY, "元旦")))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("days[0].day:NOT_A_WEEKEND", "days[1].day:WRONG_YEAR"));
        assertThat(admin.year(2030)).isNull();
        new org.springframework.transaction.support.TransactionTemplate(txManager).executeWithoutResult(s ->
                admin.replaceYear("sysadmin", 2030, new YearSchedule("国务院办公厅通知（测试）", List.of(
                        new YearSchedule.Day(LocalDate.of(2030, 1, 1), YearSchedule.Kind.HOLIDAY, "元旦"),
                        new YearSchedule.Day(LocalDate.of(2030, 1, 5), YearSchedule.Kind.WORKDAY, "调休")))));
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 5))).isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2030, 1, 3), 1).exact()).isTrue();
        assertThat(audit.of("CalendarYear", 2030L)).hasSize(1);
    }

    @Autowired org.springframework.transaction.PlatformTransactionManager txManager;

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired cn.yjzf.flow.Fixtures fixtures;
    @Autowired cn.yjzf.organisation.AppUserRepository users;

    @Test
    void onlyTheSystemAdministratorMaintainsTheCalendarOverTheApi() throws Exception {
        cn.yjzf.flow.Fixtures.Bureau b = fixtures.bureau("历");
        users.save(new cn.yjzf.organisation.AppUser("cal-admin", "{noop}x", "钱立", b.agency().getId(), null, null, null,
                java.util.Set.of(cn.yjzf.organisation.Role.SYSTEM_ADMIN)));
        String body = """
                {"source":"国务院办公厅通知（测试）","days":[{"day":"2031-01-01","kind":"HOLIDAY","name":"元旦"}]}""";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/calendar/2031")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(b.officer().username(), "x"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        assertThat(admin.year(2031)).isNull();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/calendar/2031")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("cal-admin", "x"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.days[0].name").value("元旦"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    }
}
