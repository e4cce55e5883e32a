package cn.yjzf.statistics;

import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** One in-memory database shared by the statistics and publication tests; each test class builds its own agencies. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:statistics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
@AutoConfigureMockMvc
public abstract class StatisticsTestBase {

    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired protected MockMvc mvc;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected AppUserRepository users;

    protected CurrentUser member(long agencyId, Long townshipId, Role role) {
        int n = USERS.incrementAndGet();
        return CurrentUser.of(users.save(new AppUser("stat-" + role.name().toLowerCase() + "-" + n, "{noop}x", "统计" + n,
                agencyId, townshipId, "S" + n, LocalDate.of(2030, 12, 31), Set.of(role))));
    }

    protected long township(long agencyId, String name) {
        return new StatisticsDataset(jdbc).insert("township", java.util.Map.of("agency_id", agencyId, "name", name));
    }
}
