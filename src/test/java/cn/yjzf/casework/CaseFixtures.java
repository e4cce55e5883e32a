package cn.yjzf.casework;

import cn.yjzf.flow.Fixtures;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A bureau (from {@link Fixtures}) with the reviewing people a case needs; passwords are "x". */
@Component
class CaseFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final Fixtures fixtures;
    private final AppUserRepository users;
    private final JdbcTemplate jdbc;

    CaseFixtures(Fixtures fixtures, AppUserRepository users, JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.users = users;
        this.jdbc = jdbc;
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

    void delegate(Long townshipId, Long agencyId, String kind, String matters, LocalDate from, LocalDate to) {
        jdbc.update("INSERT INTO casework_delegation (township_id, kind, delegating_agency_id, matters, valid_from, valid_to, source)"
                + " VALUES (?, ?, ?, ?, ?, ?, '测试委托书')", townshipId, kind, agencyId, matters, from, to);
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
