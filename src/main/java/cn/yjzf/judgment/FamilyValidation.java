package cn.yjzf.judgment;

import java.util.List;

/**
 * What validating one {@link RuleFamily} found: problems as file:line (compile, allowlist, missing citation or
 * scenarios), every scenario's outcome, coverage lines, and the compiled rules (null when they did not compile) so
 * that a caller installing them need not compile twice.
 */
public record FamilyValidation<T>(String family, List<RuleProblem> problems, List<Scenario> scenarios,
                                  List<String> coverage, T rules) {

    public record Scenario(String file, String name, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public static <T> FamilyValidation<T> notCompiled(String family, List<RuleProblem> problems) {
        return new FamilyValidation<>(family, List.copyOf(problems), List.of(), List.of(), null);
    }

    public boolean ok() {
        return rules != null && problems.isEmpty() && scenarios.stream().allMatch(Scenario::passed);
    }

    /** One line per problem and failed scenario, for logs and the maintainer page. */
    public List<String> failures() {
        return java.util.stream.Stream.concat(problems.stream().map(Object::toString),
                scenarios.stream().filter(s -> !s.passed()).map(s -> s.file() + ": 场景「" + s.name() + "」未通过：" + s.failures()))
                .toList();
    }
}
