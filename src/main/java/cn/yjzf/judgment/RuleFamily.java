package cn.yjzf.judgment;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A rule family released together with the hazard rule sets, from its own folder of the rules directory (penalty
 * frames under {@code penalty/}, case procedure under {@code procedure/}). A release is one snapshot of the whole
 * directory, so every family goes through the same validation, review and hot swap as the hazard rules.
 * Implementations live in their feature packages and are listed in {@code META-INF/services}: the sandbox child (no
 * Spring) finds them with {@link ServiceLoader}, and this package still depends on no business package.
 *
 * @param <T> the family's compiled, immutable rules
 */
public interface RuleFamily<T> {

    /** "penalty", "procedure". */
    String id();

    /** Shown to maintainers: "处罚裁量规则". */
    String title();

    /** The family's folder in the rules directory, with a trailing slash. */
    String root();

    /** Compiles the family (allowlist first); bad rules throw {@link RuleCompilationException} with file:line. */
    T compile(RuleFiles files);

    /** Compiles and runs every scenario of the family; never throws for bad rules. */
    FamilyValidation<T> validate(RuleFiles files);

    default boolean presentIn(RuleFiles files) {
        return !files.under(root()).isEmpty();
    }

    /** SHA-256 over the family's files (scenarios included): what a proposal or procedure check records. */
    default String hash(RuleFiles files) {
        return new RuleFiles(files.origin(), new TreeMap<>(files.under(root()))).contentHash();
    }

    /** Every family on the class path, by id. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static List<RuleFamily<?>> discovered() {
        List<RuleFamily<?>> all = new java.util.ArrayList<>();
        for (RuleFamily f : ServiceLoader.load(RuleFamily.class, RuleFamily.class.getClassLoader())) {
            all.add(f);
        }
        all.sort(Comparator.comparing(RuleFamily::id));
        return List.copyOf(all);
    }
}
