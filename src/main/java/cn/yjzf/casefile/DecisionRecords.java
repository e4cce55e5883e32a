package cn.yjzf.casefile;

import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.penalty.PenaltyProposal;
import cn.yjzf.penalty.PenaltyProposalRepository;
import cn.yjzf.penalty.ProposalResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The 决策记录 of a case: the facts and outcome the case records and, when its proposal reference names a stored 裁量
 * proposal of the same agency, that proposal's citations, fired rules, rule-set and 基准 versions (as computed for the
 * date that applied, 从旧兼从轻).
 */
@Component
class DecisionRecords {

    private final PenaltyProposalRepository proposals;
    private final ObjectMapper json;
    private final cn.yjzf.organisation.EnforcementMatterCatalogue matters;

    DecisionRecords(PenaltyProposalRepository proposals, ObjectMapper json,
                    cn.yjzf.organisation.EnforcementMatterCatalogue matters) {
        this.proposals = proposals;
        this.json = json;
        this.matters = matters;
    }

    CaseFileContent.DecisionRecord of(PenaltyCase c) {
        Set<String> citations = new LinkedHashSet<>();
        Set<String> fired = new LinkedHashSet<>();
        Set<String> ruleSets = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        if (c.getMatterCode() != null) {
            String code = c.getMatterCode();
            citations.add("违法事项：" + matters.find(code)
                    .map(m -> m.title().replaceFirst("^行政处罚：", "") + "（" + m.basis() + "，" + code + "）").orElse(code));
        }
        Optional<ProposalResult> result = proposal(c);
        result.ifPresent(r -> r.violations().forEach(v -> {
            ProposalResult.Computation applied = v.appliedComputation();
            citations.add(v.title() + "（违反" + v.dutyArticle() + "，依据" + v.penaltyArticle() + "）");
            if (applied != null) {
                citations.addAll(applied.citations());
                fired.addAll(applied.firedRules());
                ruleSets.add(applied.ruleSet());
                tables.add(applied.tableLabel() + "（" + applied.table() + "）" + (applied.officialTable() ? "" : "，非官方基准"));
            }
        }));
        if (c.getProposalRef() != null && result.isEmpty()) {
            notes.add("裁量建议编号“" + c.getProposalRef() + "”未关联系统中的裁量计算，规则与基准版本未记录。");
        }
        if (c.getProposalReasoning() != null) {
            notes.add("承办人理由：" + c.getProposalReasoning());
        }
        if (c.getDeviationReason() != null) {
            notes.add("偏离基准的理由：" + c.getDeviationReason());
        }
        String penalty = c.getProposedPenalty() == null ? null : c.getProposedPenalty()
                + (c.getProposedFine() == null ? "" : "，罚款人民币" + c.getProposedFine().stripTrailingZeros().toPlainString() + "元");
        return new CaseFileContent.DecisionRecord(c.getCause(), c.getOutcome() == null ? "（未作出处理决定）" : c.getOutcome().label(),
                penalty, List.copyOf(citations), List.copyOf(fired), List.copyOf(ruleSets), List.copyOf(tables), notes);
    }

    /** The stored proposal the case names, only if it belongs to the case's agency. */
    private Optional<ProposalResult> proposal(PenaltyCase c) {
        if (c.getProposalRef() == null || !c.getProposalRef().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return proposals.findById(Long.valueOf(c.getProposalRef()))
                .filter(p -> p.getAgencyId().equals(c.getAgencyId()))
                .map(PenaltyProposal::getResultJson)
                .flatMap(this::parse);
    }

    private Optional<ProposalResult> parse(String resultJson) {
        try {
            return Optional.ofNullable(json.readValue(resultJson, ProposalResult.class));
        } catch (java.io.IOException | RuntimeException unreadable) {
            return Optional.empty(); // recorded in the notes as not linked
        }
    }
}
