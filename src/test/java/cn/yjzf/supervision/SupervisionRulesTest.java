package cn.yjzf.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 挂牌督办 rule sets as data: the default (衢州 ✅) requires 五落实 and configures no day count (未配置); the 青岛
 * 2012 rows (🟡) count working days on the calendar, the 湖北 2010 acceptance row calendar days.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hardening;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
@AutoConfigureMockMvc
class SupervisionRulesTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired WorkingDayCalendar calendar;
    @Autowired SupervisionRules inUse;

    @Test
    void theDefaultRuleSetRequiresFiveImplementationsAndLeavesEveryDayCountUnset() {
        assertThat(inUse.ruleSet()).isEqualTo("QUZHOU_2022");
        assertThat(inUse.planParts("QUZHOU_2022")).extracting(PlanPart::label)
                .containsExactly("责任", "措施", "时限", "资金", "预案");
        assertThat(inUse.planParts("QUZHOU_2022")).allMatch(p -> p.source().contains("衢政办发〔2022〕6号"));
        for (SupervisionPeriod p : SupervisionPeriod.values()) {
            Due due = inUse.after("QUZHOU_2022", p, LocalDate.of(2025, 6, 9));
            assertThat(due.configured()).isFalse();
            assertThat(due.text()).isEqualTo("未配置");
        }
    }

    @Test
    void qingdaoCountsWorkingDaysAndHubeiCalendarDays() {
        SupervisionRules rules = new SupervisionRules(jdbc, calendar, "QINGDAO_2012");
        // Friday 2025-06-13 + 3 working days = Wednesday 2025-06-18 (the weekend is skipped)
        Due filing = rules.after("QINGDAO_2012", SupervisionPeriod.FILING, LocalDate.of(2025, 6, 13));
        assertThat(filing.date()).isEqualTo(LocalDate.of(2025, 6, 18));
        assertThat(filing.text()).isEqualTo("2025-06-18（3个工作日）");
        // an extension is asked for at least 20 working days before a deadline of Thursday 2025-07-31
        assertThat(rules.before("QINGDAO_2012", SupervisionPeriod.EXTENSION_NOTICE, LocalDate.of(2025, 7, 31)).date())
                .isEqualTo(LocalDate.of(2025, 7, 3));
        assertThat(rules.after("QINGDAO_2012", SupervisionPeriod.ACCEPTANCE, LocalDate.of(2025, 7, 31)).text())
                .isEqualTo("未配置");
        Due acceptance = rules.after("HUBEI_2010", SupervisionPeriod.ACCEPTANCE, LocalDate.of(2025, 6, 13));
        assertThat(acceptance.date()).isEqualTo(LocalDate.of(2025, 6, 23));
        assertThat(acceptance.text()).isEqualTo("2025-06-23（10日（自然日））");
        assertThat(rules.planParts("HUBEI_2010")).extracting(PlanPart::label)
                .containsExactly("措施", "资金", "期限", "责任人", "应急预案");
    }

    @Test
    void aDayCountWithoutAUnitOrAUnitWithoutDaysIsRefusedByTheDatabase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO supervision_day_count (rule_set, code, days, unit, source) VALUES ('X', 'FILING', 3, NULL, 's')"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
