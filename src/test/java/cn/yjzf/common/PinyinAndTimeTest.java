package cn.yjzf.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinyinAndTimeTest {

    @Test
    void commonSurnamesAndPlaceNamesSortByPinyinNotByCharacterCode() {
        List<String> pinyin = List.of("安", "白", "蔡", "曹", "陈", "丁", "范", "高", "郭", "何", "胡", "黄", "江", "金", "孔",
                "李", "刘", "罗", "马", "彭", "钱", "秦", "任", "沈", "宋", "孙", "唐", "王", "吴", "谢", "徐", "许", "严", "杨",
                "叶", "于", "袁", "张", "赵", "郑", "周", "朱", "邹");
        List<String> shuffled = new ArrayList<>(pinyin);
        Collections.reverse(shuffled);
        shuffled.sort(PinyinOrder.names());
        assertThat(shuffled).containsExactlyElementsOf(pinyin);
        List<String> byCode = new ArrayList<>(pinyin);
        Collections.sort(byCode);
        assertThat(byCode).as("character code order is not pinyin order").isNotEqualTo(pinyin);
        assertThat(List.of("清溪镇", "城南街道").stream().sorted(PinyinOrder.names()).toList())
                .containsExactly("城南街道", "清溪镇");
    }

    @Test
    void timesAndTodayAreInTheConfiguredZone() {
        Instant evening = Instant.parse("2025-06-10T16:30:05Z");
        AppTime beijing = new AppTime(Clock.fixed(evening, ZoneId.of("Asia/Shanghai")));
        assertThat(beijing.today()).isEqualTo(LocalDate.of(2025, 6, 11));
        assertThat(beijing.minutes(evening)).isEqualTo("2025-06-11 00:30");
        assertThat(beijing.chinese(evening)).isEqualTo("2025年6月11日 00:30");
        assertThat(beijing.seconds(evening)).isEqualTo("00:30:05");
        AppTime utc = new AppTime(Clock.fixed(evening, ZoneId.of("UTC")));
        assertThat(utc.today()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(utc.minutes(evening)).isEqualTo("2025-06-10 16:30");
        assertThat(beijing.minutes(null)).isEmpty();
    }
}
