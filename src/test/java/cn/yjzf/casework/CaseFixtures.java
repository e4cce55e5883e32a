package cn.yjzf.casework;

import cn.yjzf.flow.Fixtures;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.EnforcementMatterCatalogue;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipLegalForm;
import cn.yjzf.organisation.TownshipRepository;
import cn.yjzf.penalty.PenaltyProposalService;
import cn.yjzf.penalty.ProposalRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** A bureau (from {@link Fixtures}) with the reviewing people a case needs; passwords are "x". */
@Component
public class CaseFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final Fixtures fixtures;
    private final AppUserRepository users;
    private final TownshipRepository townships;
    private final PenaltyProposalService proposals;

    CaseFixtures(Fixtures fixtures, AppUserRepository users, TownshipRepository townships, PenaltyProposalService proposals) {
        this.proposals = proposals;
        this.fixtures = fixtures;
        this.users = users;
        this.townships = townships;
    }

    record Office(Fixtures.Bureau b, CurrentUser unitHead, CurrentUser reviewer, CurrentUser approver,
                  CurrentUser approver2) {
        CurrentUser officer() { return b.officer(); }
        CurrentUser officer2() { return b.officer2(); }
    }

    Office office() {
        Fixtures.Bureau b = fixtures.bureau("测应急");
        int n = SEQ.incrementAndGet();
        return new Office(b, user("head-" + n, b, Role.UNIT_HEAD), user("rev-" + n, b, Role.LEGAL_REVIEWER),
                user("appr-" + n, b, Role.APPROVER), user("appr2-" + n, b, Role.APPROVER));
    }

    /** Gives the township a 委托书 (ENTRUSTED) or 赋权 decision (EMPOWERED) for 行政检查 and the given matter codes. */
    public void delegate(Long townshipId, String kind, List<String> matters, LocalDate from, LocalDate to) {
        Township t = townships.findById(townshipId).orElseThrow();
        List<String> all = new java.util.ArrayList<>(matters);
        all.add(EnforcementMatterCatalogue.INSPECTION);
        t.authorise("EMPOWERED".equals(kind) ? TownshipLegalForm.EMPOWERED : TownshipLegalForm.DELEGATED, "测试文书" + townshipId,
                from, to, all);
        townships.save(t);
    }

    /** A stored penalty proposal (the penalty module's, default 基准) for one violation, made by {@code by}; its number. */
    public String proposal(CurrentUser by, String violationCode) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(by, null, by.getAuthorities()));
        try {
            ProposalRequest.ViolationRequest v = new ProposalRequest.ViolationRequest(violationCode, "首次", null, null, null,
                    null, null, false, false, false, false, false, null, null, null);
            return String.valueOf(proposals.propose(by, new ProposalRequest(LocalDate.of(2026, 1, 20),
                    LocalDate.of(2026, 2, 7), List.of(v))).id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A user of the township (赋权: its own reviewers and approvers). */
    public CurrentUser townshipUser(String username, Fixtures.Bureau b, Long townshipId, Role role) {
        AppUser u = new AppUser(username + "-" + SEQ.incrementAndGet(), "{noop}x", username, b.agency().getId(), townshipId,
                "Z" + username + SEQ.get(), LocalDate.of(2030, 12, 31), Set.of(role));
        if (role == Role.LEGAL_REVIEWER) {
            u.qualifyLegally("法律职业资格（测试）");
        }
        return CurrentUser.of(users.save(u));
    }

    private CurrentUser user(String username, Fixtures.Bureau b, Role role) {
        AppUser u = new AppUser(username, "{noop}x", username, b.agency().getId(), null,
                "Z" + username, LocalDate.of(2030, 12, 31), Set.of(role));
        if (role == Role.LEGAL_REVIEWER) {
            u.qualifyLegally("法律职业资格（测试）");
        }
        return CurrentUser.of(users.save(u));
    }

    static NewCase general(CurrentUser by, CurrentUser second, String matter) {
        return new NewCase(null, "江城某某有限公司", CaseEnums.PartyType.ORGANISATION, matter, null,
                CaseEnums.Source.HAZARD, "检查#1", "未采取措施消除事故隐患案", List.of(by.id(), second.id()), null, null,
                null, null);
    }
}
