package cn.yjzf.judgment;

import java.util.List;
import java.util.stream.Collectors;

/** The rules directory could not be turned into a rule base; the problems name file and line. */
public class RuleCompilationException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super("规则编译失败，共 " + problems.size() + " 处问题：\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
