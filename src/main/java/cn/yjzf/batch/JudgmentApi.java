package cn.yjzf.batch;

import cn.yjzf.security.JudgesFindings;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.judgment.RuleBase;
import cn.yjzf.judgment.RuleEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@JudgesFindings
@Tag(name = "批量判定", description = "不保存数据，只按检查日期施行的判定标准判定")
class JudgmentApi {

    static final int MAX_FINDINGS = 10_000;

    private final RuleEngine engine;

    JudgmentApi(RuleEngine engine) {
        this.engine = engine;
    }

    record Request(List<BatchFinding> findings) {
    }

    record Response(List<BatchResult> results) {
    }

    @PostMapping("/api/judgments")
    @Operation(summary = "批量判定检查发现（每次最多 10000 条；任一条有误则整体返回 400 并逐条指明字段）")
    Response judge(@RequestBody Request request) {
        List<BatchFinding> findings = request == null || request.findings() == null ? List.of() : request.findings();
        List<FieldProblem> problems = new ArrayList<>();
        if (findings.isEmpty()) {
            problems.add(new FieldProblem("findings", "REQUIRED", "请提供至少一条检查发现"));
        } else if (findings.size() > MAX_FINDINGS) {
            problems.add(new FieldProblem("findings", "TOO_MANY", "每次最多 " + MAX_FINDINGS + " 条，请使用命令行批量判定"));
        }
        RuleBase base = engine.ruleBase(); // one snapshot for the whole request
        for (int i = 0; i < findings.size() && problems.size() < 100; i++) {
            problems.addAll(BatchJudge.problems(base, findings.get(i), "findings[" + i + "]."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Response(BatchJudge.judgeAll(base, findings)); // many findings per rule session
    }
}
