package cn.yjzf.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a counter's numbers look like before one is drawn: the room a laid-out document reserves for its number. */
class NumberShapeTest {

    static DocumentsProperties pattern(String p) {
        return new DocumentsProperties(null, null, null, null, p, null);
    }

    @Test
    void theShapeIsTheNumberAroundItsSerialAndFitsSerialsOfOneToSixDigitsOnly() {
        NumberShape shape = pattern(null).shape("江应急", DocumentType.RECTIFICATION_ORDER, 2026, null);
        assertThat(shape).isEqualTo(new NumberShape("江应急责改〔2026〕", "号"));
        for (int seq : new int[] {1, 42, 999_999}) {
            String number = pattern(null).number("江应急", DocumentType.RECTIFICATION_ORDER, 2026, seq);
            assertThat(shape.fits(number)).as(number).isTrue();
        }
        assertThat(shape.fits("江应急责改〔2026〕1234567号")).isFalse();
        assertThat(shape.fits("江应急责改〔2026〕号")).isFalse();
        assertThat(shape.fits("江应急责改〔2027〕1号")).isFalse();
        assertThat(shape.fits("江应急责改〔2026〕5号之一")).isFalse();
        assertThat(shape.fits("江应急责改〔2026〕x1号")).isFalse();
    }

    @Test
    void theOfficersCodeIsPartOfTheShapeAndAPatternWithoutExactlyOneSerialHasNone() {
        NumberShape officer = pattern("{机关代字}{文书代字}〔{年份}〕{执法证号}-{序号}号")
                .shape("江应急", DocumentType.RECTIFICATION_ORDER, 2026, "C101");
        assertThat(officer).isEqualTo(new NumberShape("江应急责改〔2026〕C101-", "号"));
        assertThat(pattern("{序号}-{seq}号").shape("江应急", DocumentType.RECTIFICATION_ORDER, 2026, null)).isNull();
        assertThat(pattern("{机关代字}{文书代字}〔{年份}〕号").shape("江应急", DocumentType.RECTIFICATION_ORDER, 2026, null)).isNull();
    }
}
