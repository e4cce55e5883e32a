package cn.yjzf.organisation;

import cn.yjzf.common.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.security.password.*}: 口令复杂度 and 定期更换 (GB/T 22239-2019 身份鉴别). A password has at least
 * {@code minLength} characters from at least {@code minCharacterClasses} of: lower case, upper case, digits, other;
 * does not contain the user name; repeats none of the last {@code history} passwords; expires after {@code maxAge}
 * (zero = never).
 */
@ConfigurationProperties("app.security.password")
public record PasswordPolicy(Integer minLength, Integer minCharacterClasses, Integer history, Duration maxAge) {

    public PasswordPolicy {
        minLength = minLength == null ? 8 : minLength;
        minCharacterClasses = minCharacterClasses == null ? 3 : minCharacterClasses;
        history = history == null ? 5 : history;
        maxAge = maxAge == null ? Duration.ofDays(90) : maxAge;
    }

    /** What is wrong with {@code password} as a new password of {@code username} (history is checked elsewhere). */
    public List<FieldProblem> problems(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            problems.add(new FieldProblem(field, "PASSWORD_TOO_SHORT", "口令至少" + minLength + "位"));
            return problems;
        }
        if (classes(password) < minCharacterClasses) {
            problems.add(new FieldProblem(field, "PASSWORD_TOO_SIMPLE",
                    "口令须包含小写字母、大写字母、数字、其他字符中的至少" + minCharacterClasses + "类"));
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "PASSWORD_CONTAINS_USERNAME", "口令不得包含用户名"));
        }
        return problems;
    }

    public boolean expired(Instant changedAt, Instant now) {
        return !maxAge.isZero() && changedAt != null && changedAt.plus(maxAge).isBefore(now);
    }

    static int classes(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (char c : password.toCharArray()) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
