package cn.yjzf.common;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * Chinese names in 拼音 order (陈、黄、江、李、王、张…) rather than by character code. Uses the JDK's collator for
 * Locale.CHINA, whose rules order the GB 2312 level-1 characters (the 3755 常用字) by pinyin; rarer characters
 * (堃、喆…) sort after them. See docs/architecture.md for why this and not a pinyin library.
 */
public final class PinyinOrder {

    private PinyinOrder() {
    }

    /** A fresh comparator (collators are not meant to be shared between threads). */
    public static Comparator<String> names() {
        Collator collator = Collator.getInstance(Locale.CHINA);
        return (a, b) -> collator.compare(a == null ? "" : a, b == null ? "" : b);
    }

    public static <T> Comparator<T> by(Function<T, String> name) {
        return Comparator.comparing(name, names());
    }
}
