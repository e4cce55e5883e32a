package cn.yjzf.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentsPropertiesTest {

    @Test
    void theDefaultPatternPrintsTheNationalShape() {
        DocumentsProperties p = new DocumentsProperties(null, null, null, null, null, null);
        assertThat(p.number("江应急", DocumentType.RECTIFICATION_ORDER, 2025, 12)).isEqualTo("江应急责改〔2025〕12号");
        assertThat(p.sequenceScope()).isEqualTo(SequenceScope.DOCUMENT_TYPE);
        assertThat(p.boldFont()).isEqualTo(DocumentsProperties.NOTO_MEDIUM);
        assertThat(p.titleFont()).isEqualTo(DocumentsProperties.NOTO_MEDIUM);
    }

    @Test
    void aPerOfficerScopeNeedsAPatternThatNamesTheOfficer() {
        assertThatThrownBy(() -> new DocumentsProperties(null, null, null, null, null, SequenceScope.OFFICER))
                .hasMessageContaining("{执法证号}");
        DocumentsProperties p = new DocumentsProperties(null, null, null, null,
                "（{执法证号}）{机关代字}{文书代字}〔{年份}〕{序号}号", SequenceScope.OFFICER);
        assertThat(p.number("江应急", DocumentType.RECTIFICATION_ORDER, 2025, 3, "A3301"))
                .isEqualTo("（A3301）江应急责改〔2025〕3号");
    }

    @Test
    void aLicensedBodyFontIsNotPairedWithAnotherFamilysBoldOrTitle() {
        DocumentsProperties p = new DocumentsProperties(null, "file:/opt/fonts/fangsong.ttf", null, null, null, null);
        assertThat(p.boldFont()).isEqualTo("file:/opt/fonts/fangsong.ttf");
        assertThat(p.titleFont()).isEqualTo("file:/opt/fonts/fangsong.ttf");
    }
}
