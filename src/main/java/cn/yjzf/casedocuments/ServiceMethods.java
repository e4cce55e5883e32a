package cn.yjzf.casedocuments;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 送达方式 ({@code app.case-documents.service.*}). 行政处罚法第六十一条第一款 sends the 决定书's service to the
 * 民事诉讼法, whose text is not in shared/reference/laws: the list below is the usual practice (🟡) and is configuration,
 * with its source printed next to it. Only the consent condition of 电子送达 is from a text we hold (✅ 第六十一条第二款:
 * 当事人同意并签订确认书). {@code requiresPlace}: the method names where it was served; {@code requiresNote}: the
 * circumstances (e.g. the witnesses of a 留置送达) must be written down.
 */
@ConfigurationProperties("app.case-documents.service")
public record ServiceMethods(List<Method> methods, String source) {

    public record Method(String code, String label, boolean requiresPlace, boolean requiresConsent, boolean requiresNote) {
    }

    public ServiceMethods {
        methods = methods == null || methods.isEmpty() ? List.of(
                new Method("DIRECT", "直接送达", true, false, false),
                new Method("LEFT_AT_PLACE", "留置送达", true, false, true),
                new Method("POST", "邮寄送达", true, false, false),
                new Method("ENTRUSTED", "委托送达", true, false, true),
                new Method("ELECTRONIC", "电子送达", false, true, false),
                new Method("PUBLIC_NOTICE", "公告送达", true, false, true)) : List.copyOf(methods);
        // printed on the 送达回执, so in words (the fonts have no emoji): 民事诉讼法 🟡, 第六十一条第二款 ✅
        source = source == null ? "送达方式据《中华人民共和国民事诉讼法》送达规定的常见实务（民事诉讼法原文未取得，可配置）；"
                + "电子送达须当事人同意并签订确认书（《中华人民共和国行政处罚法》第六十一条第二款）" : source;
    }

    Optional<Method> find(String code) {
        return methods.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    String label(String code) {
        return find(code).map(Method::label).orElse(code == null ? "" : code);
    }
}
