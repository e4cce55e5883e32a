package cn.yjzf.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodesTest {

    @Test
    void acceptsACodeWithTheRightCheckCharacter() {
        // 91350100M000100Y43: a published example of a valid code (check character 3)
        assertThat(CreditCodes.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCodes.problem("91350100M000100Y43")).isNull();
    }

    @Test
    void rejectsAWrongCheckCharacterBadLengthAndForbiddenLetters() {
        assertThat(CreditCodes.problem("91350100M000100Y44")).isEqualTo("统一社会信用代码校验位错误");
        assertThat(CreditCodes.problem("91350100M000100Y4")).isEqualTo("统一社会信用代码应为18位");
        assertThat(CreditCodes.problem("91350100I000100Y43")).contains("第9位字符「I」不合法");
        assertThat(CreditCodes.problem("91350100m000100Y43")).contains("第9位");
    }

    @Test
    void aCheckValueOfThirtyOneBecomesZero() {
        for (int i = 0; i < 2000; i++) {
            String body = String.format("9133%013d", i);
            char c = CreditCodes.checkCharacter(body);
            assertThat(CreditCodes.CHARSET.indexOf(c)).isBetween(0, 30);
            assertThat(CreditCodes.problem(body + c)).isNull();
        }
    }
}
