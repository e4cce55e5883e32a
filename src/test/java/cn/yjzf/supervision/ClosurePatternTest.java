package cn.yjzf.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 安全生产法 第一百一十三条第（一）项: 一百八十日内三次 / 一年内四次, at the edges of each window. */
class ClosurePatternTest {

    static final LocalDate D = LocalDate.of(2025, 3, 1);

    @Test
    void threeDecisionsWithTheThirdOnDay180AreInAndOnDay181Out() {
        assertThat(ClosurePattern.find(List.of(D, D.plusDays(90), D.plusDays(180))))
                .hasValueSatisfying(m -> assertThat(m.rule()).isEqualTo("一百八十日内三次"));
        assertThat(ClosurePattern.find(List.of(D, D.plusDays(90), D.plusDays(181)))).isEmpty();
    }

    @Test
    void fourDecisionsWithinOneYearAreInAndADayLaterOut() {
        List<LocalDate> inYear = List.of(D, D.plusDays(181), D.plusDays(300), D.plusYears(1));
        assertThat(ClosurePattern.find(inYear)).hasValueSatisfying(m -> {
            assertThat(m.rule()).isEqualTo("一年内四次");
            assertThat(m.decisions()).containsExactlyElementsOf(inYear);
        });
        assertThat(ClosurePattern.find(List.of(D, D.plusDays(181), D.plusDays(363), D.plusYears(1).plusDays(1))))
                .isEmpty();
    }

    @Test
    void anyRunCountsInWhateverOrderTheDecisionsComeAndTwoAreNeverEnough() {
        LocalDate later = D.plusYears(2);
        assertThat(ClosurePattern.find(List.of(later.plusDays(100), D, later, later.plusDays(50))))
                .hasValueSatisfying(m -> assertThat(m.decisions()).containsExactly(later, later.plusDays(50),
                        later.plusDays(100)));
        assertThat(ClosurePattern.find(List.of(D, D.plusDays(1)))).isEmpty();
        assertThat(ClosurePattern.find(List.of())).isEmpty();
    }
}
