package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationTest {

    @Test
    void citesArticleAndItemAndLeavesOutTheArticleOfAStandardWithoutArticles() {
        Citation gongmao = new Citation("GM2023-06-01", "工贸企业重大事故隐患判定标准", "应急管理部令第10号", "第六条", "（一）",
                "", "✅✅", "");
        assertThat(gongmao.display()).isEqualTo("《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第六条第（一）项");
        assertThat(gongmao.fromSecondarySource()).isFalse();

        Citation huagong = new Citation("HG2017-16", "化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）",
                "安监总管三〔2017〕121号", Citation.NO_ARTICLE, "（十六）", "", "🟡", "");
        assertThat(huagong.display()).endsWith("（安监总管三〔2017〕121号）第（十六）项");
        assertThat(huagong.fromSecondarySource()).isTrue();

        assertThat(Citation.reference("第三条", "")).isEqualTo("第三条");
    }
}
