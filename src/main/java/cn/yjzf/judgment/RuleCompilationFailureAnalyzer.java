package cn.yjzf.judgment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by broken rules: say which file and line, in plain words, instead of a stack trace. */
class RuleCompilationFailureAnalyzer extends AbstractFailureAnalyzer<RuleCompilationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RuleCompilationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "修正上述规则文件后重新启动；规则目录由 app.rules.dir 配置。可先运行 ./mvnw -q test -Dtest=RuleScenariosTest 检查规则。",
                cause);
    }
}
