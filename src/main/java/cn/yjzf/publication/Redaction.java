package cn.yjzf.publication;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes natural persons' personal data from what is published (个人信息保护法 第二十八条: 身份证件号码、金融账户 are
 * sensitive; 政府信息公开条例 第十五条: disclosure must not infringe personal privacy): ID numbers, phone numbers, bank
 * accounts and addresses are replaced by a marker; a natural person's name follows the configured rule
 * ({@code app.publication.name-rule}: {@code MOU_MOU} 张某某, {@code MOU} 张某). Applied once, when the snapshot is
 * made, so the public page never holds the originals. Pattern-based: free text that spells a number in Chinese
 * characters is not caught (docs/statistics.md, gaps).
 */
@Component
class Redaction {

    enum NameRule { MOU_MOU, MOU }

    private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "南宫", "西门", "独孤", "申屠");

    /** Resident ID numbers: 18 characters (last may be X) or the old 15 digits. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    /** Mobile and fixed-line numbers, with or without +86 and separators. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)((\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}|0\\d{2,3}[- ]?\\d{7,8})(?!\\d)");
    /** Bank card and account numbers: 12 to 19 digits, possibly grouped in fours by spaces or hyphens. */
    private static final Pattern ACCOUNT = Pattern.compile(
            "(?<!\\d)\\d{4}([- ]?\\d{4}){2,3}([- ]?\\d{1,3})?(?!\\d)");
    /** An address after its label, up to the next punctuation. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(家庭住址|户籍地址|户籍地|居住地|住址|住所|地址)([:：为是在]?)\\s*[^，,。；;）)\\n]+");

    private final NameRule nameRule;

    Redaction(@Value("${app.publication.name-rule:MOU_MOU}") NameRule nameRule) {
        this.nameRule = nameRule;
    }

    /** 张三丰 → 张某某 (or 张某); 欧阳修 → 欧阳某某. */
    String name(String fullName) {
        String n = fullName == null ? "" : fullName.strip();
        if (n.isEmpty()) {
            return n;
        }
        String surname = COMPOUND_SURNAMES.stream().filter(s -> n.startsWith(s) && n.length() > s.length()).findFirst()
                .orElse(n.substring(0, n.offsetByCodePoints(0, 1)));
        return surname + (nameRule == NameRule.MOU ? "某" : "某某");
    }

    /** Free text with the named persons masked and every ID number, phone, account and address removed. */
    String text(String text, Collection<String> personNames) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String person : personNames) {
            if (person != null && person.strip().length() >= 2) {
                t = t.replace(person.strip(), name(person));
            }
        }
        t = ADDRESS.matcher(t).replaceAll("$1$2[已隐去]");
        t = ID_NUMBER.matcher(t).replaceAll("[身份证件号码已隐去]");
        t = PHONE.matcher(t).replaceAll("[电话号码已隐去]");
        return ACCOUNT.matcher(t).replaceAll("[账号已隐去]");
    }
}
