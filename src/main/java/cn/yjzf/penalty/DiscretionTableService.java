package cn.yjzf.penalty;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.review.FourEyesReview;
import cn.yjzf.review.ReviewStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 基准 tables: import (checked against the statutory frame, refused whole with row numbers when any row is outside),
 * legal review by someone other than the submitter, publication, and reading for proposals, diff and coverage.
 */
@Service
public class DiscretionTableService {

    private final DiscretionTableRepository tables;
    private final PenaltyRules rules;
    private final AgencyChain chain;
    private final AuditTrail audit;
    private final ObjectMapper json;

    DiscretionTableService(DiscretionTableRepository tables, PenaltyRules rules, AgencyChain chain, AuditTrail audit,
            ObjectMapper json) {
        this.tables = tables;
        this.rules = rules;
        this.chain = chain;
        this.audit = audit;
        this.json = json;
    }

    @PreAuthorize("hasRole('RULE_MAINTAINER')")
    @Transactional
    public DiscretionTableVersion importTable(CurrentUser user, TableMeta meta, String filename, byte[] content) {
        TableImport.Parsed parsed = TableImport.read(filename, content);
        List<RowProblem> problems = new ArrayList<>(parsed.problems());
        DiscretionTable table = meta.toTable(parsed.tiers());
        if (problems.isEmpty()) {
            problems.addAll(FrameCheck.check(table, rules.current().frame()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem("file", p.line() > 0 ? "ROW_REJECTED" : "TABLE_REJECTED", p.toString()))
                    .toList());
        }
        DiscretionTableVersion v = tables.saveAndFlush(new DiscretionTableVersion(table, user.agencyId(), write(table.tiers()),
                user.username(), meta.changeNote().trim(), Instant.now()));
        audit.record(user.username(), "DISCRETION_TABLE_SUBMITTED", "DiscretionTable", v.getId(),
                table.name() + "（" + table.documentNumber() + "）" + table.tiers().size() + " 个阶次，已通过法定幅度校验，待法制审核");
        return v;
    }

    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional
    public DiscretionTableVersion approve(CurrentUser reviewer, Long id, long expectedVersion, String note) {
        DiscretionTableVersion v = current(reviewer, id, expectedVersion);
        v.approve(reviewer.username(), FourEyesReview.note(note), Instant.now());
        audit.record(reviewer.username(), "DISCRETION_TABLE_PUBLISHED", "DiscretionTable", id, "法制审核通过，发布" + v.getName());
        return tables.saveAndFlush(v);
    }

    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional
    public DiscretionTableVersion reject(CurrentUser reviewer, Long id, long expectedVersion, String reason) {
        String why = FourEyesReview.requireReason(reason);
        DiscretionTableVersion v = current(reviewer, id, expectedVersion);
        v.reject(reviewer.username(), why, Instant.now());
        audit.record(reviewer.username(), "DISCRETION_TABLE_REJECTED", "DiscretionTable", id, why);
        return tables.saveAndFlush(v);
    }

    private DiscretionTableVersion current(CurrentUser user, Long id, long expectedVersion) {
        DiscretionTableVersion v = get(user, id);
        FourEyesReview.requireSeen("基准 #" + id, v.getVersion(), expectedVersion);
        return v;
    }

    /** A table the user's agency chain can see; others are "not found". */
    @Transactional(readOnly = true)
    public DiscretionTableVersion get(CurrentUser user, Long id) {
        DiscretionTableVersion v = tables.findById(id).orElseThrow(() -> new NotFoundException("基准"));
        if (v.getAgencyId() != null && !chain.of(user.agencyId()).contains(v.getAgencyId())) {
            throw new NotFoundException("基准");
        }
        return v;
    }

    @Transactional(readOnly = true)
    public List<DiscretionTableVersion> list(CurrentUser user) {
        return tables.visibleTo(chain.of(user.agencyId()));
    }

    /** Published tables an agency's proposals may use. */
    @Transactional(readOnly = true)
    public List<ProposalCalculator.PublishedTable> published(Long agencyId) {
        return tables.withStatus(chain.of(agencyId), ReviewStatus.LIVE).stream()
                .map(v -> new ProposalCalculator.PublishedTable(table(v), v.ref())).toList();
    }

    public DiscretionTable table(DiscretionTableVersion v) {
        return new DiscretionTable(v.getCode(), v.getName(), v.getIssuer(), v.getDocumentNumber(), v.getScopeLevel(),
                v.getRegion(), v.getValidFrom(), v.getValidTo(), v.isOfficial(), v.getLabel(), v.isLowerInclusive(),
                v.isUpperInclusive(), v.getSource(), read(v.getTiersJson()));
    }

    /** Articles of the catalogue a table has tiers for, against all the catalogue's articles (maintainer page). */
    public TableCoverage coverage(DiscretionTable t) {
        PenaltyRuleSet set = rules.current().set();
        Set<String> all = new LinkedHashSet<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Violation v : set.violations()) {
            all.add(v.article());
            if (!t.tiersOf(v.code()).isEmpty()) {
                covered.add(v.article());
            }
        }
        long violationsCovered = set.violations().stream().filter(v -> !t.tiersOf(v.code()).isEmpty()).count();
        return new TableCoverage(List.copyOf(covered), List.copyOf(all), (int) violationsCovered, set.violations().size());
    }

    public record TableCoverage(List<String> articles, List<String> allArticles, int violations, int allViolations) {

        public String summary() {
            return "覆盖 " + articles.size() + " / " + allArticles.size() + " 条，" + violations + " / " + allViolations + " 项违法行为";
        }
    }

    private String write(List<DiscretionTier> tiers) {
        try {
            return json.writeValueAsString(tiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DiscretionTier> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<DiscretionTier>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("基准阶次数据损坏", e);
        }
    }
}
