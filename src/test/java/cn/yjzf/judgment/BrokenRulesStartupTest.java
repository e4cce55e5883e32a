package cn.yjzf.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.yjzf.YjzfApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** Without any good release in the database, a DRL syntax error in the rules directory stops start-up with file:line. */
class BrokenRulesStartupTest {

    @TempDir
    Path rules;

    @Test
    void startUpFailsNamingFileAndLine() throws IOException {
        Path set = Files.createDirectories(rules.resolve("demo"));
        Files.writeString(set.resolve("ruleset.yaml"), """
                id: demo
                name: 演示
                standard: 演示标准
                documentNumber: 无
                version: 1.0.0
                effectiveFrom: 2020-01-01
                effectiveTo: null
                sectors: [工贸]
                source: 测试
                description: 测试
                totalItems: 1
                gaps: []
                """);
        Files.writeString(set.resolve("broken.drl"), """
                package rules.demo;
                import cn.yjzf.judgment.Answer;

                rule "broken"
                when
                    Answer( code == )
                then
                end
                """);

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(YjzfApplication.class)
                .run("--app.rules.dir=" + rules, "--server.port=0", "--app.demo-data=false",
                        "--spring.datasource.url=jdbc:h2:mem:broken;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
                .close());

        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root).isInstanceOf(RuleCompilationException.class);
        assertThat(root.getMessage()).contains("demo/broken.drl:6:");
    }
}
