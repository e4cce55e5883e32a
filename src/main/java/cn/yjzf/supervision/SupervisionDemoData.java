package cn.yjzf.supervision;

import cn.yjzf.common.AppTime;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.rectification.IssueOrder;
import cn.yjzf.rectification.RectificationService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo only: a major hazard of 江城南方水泥 (燃气未设报警) ordered, listed for 市级 supervision by the 负责人 with a
 * 五落实 plan filed by the officer, so the 挂牌督办 pages have something to show. Seeded once, through the services
 * (and so audited like any other record).
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class SupervisionDemoData {

    private final JdbcTemplate jdbc;
    private final AppUserRepository users;
    private final InspectionService inspections;
    private final RectificationService orders;
    private final SupervisionService supervision;
    private final SupervisionRules rules;
    private final AppTime time;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    SupervisionDemoData(JdbcTemplate jdbc, AppUserRepository users, InspectionService inspections,
                        RectificationService orders, SupervisionService supervision, SupervisionRules rules,
                        AppTime time, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.users = users;
        this.inspections = inspections;
        this.orders = orders;
        this.supervision = supervision;
        this.rules = rules;
        this.time = time;
    }

    /** Demo data never stops a start: with rules that lack the demo's checklist group (a test fixture) it is skipped. */
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        try {
            tx.executeWithoutResult(s -> seedOnce());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SupervisionDemoData.class).warn("挂牌督办演示数据未写入：{}", e.getMessage());
        }
    }

    void seedOnce() {
        Integer listed = jdbc.queryForObject("SELECT COUNT(*) FROM supervision_listing", Integer.class);
        Long enterprise = jdbc.query("SELECT id FROM enterprise WHERE name = '江城南方水泥有限公司'",
                rs -> rs.next() ? rs.getLong(1) : null);
        if (listed == null || listed > 0 || enterprise == null || users.findByUsername("approver").isEmpty()) {
            return;
        }
        CurrentUser officer = CurrentUser.of(users.findByUsername("officer").orElseThrow());
        CurrentUser officer2 = CurrentUser.of(users.findByUsername("officer2").orElseThrow());
        CurrentUser approver = CurrentUser.of(users.findByUsername("approver").orElseThrow());
        LocalDate today = time.today();
        Long inspection = inspections.open(officer, new NewInspection(enterprise, today, "煤磨车间（演示）",
                Set.of(officer.id(), officer2.id()))).getId();
        inspections.addFinding(officer, inspection, new NewFinding("GM-06-06", Map.of("GM-06-06-GAS", "未设置"),
                "煤磨车间燃气管道区域未设置可燃气体报警装置（演示）", "煤磨车间"));
        LocalDate deadline = today.plusDays(90);
        Long order = orders.issue(officer, inspection, new IssueOrder(today, deadline, null)).getId();
        Long track = jdbc.queryForObject("SELECT id FROM rectification_track WHERE order_id = ? AND major = TRUE",
                Long.class, order);
        SupervisionListing l = supervision.list(approver, new NewListing(track, SupervisionLevel.CITY,
                "江安委办督〔" + today.getYear() + "〕1号（演示）", "刘国强", deadline, new BigDecimal("120000.00"),
                today, null));
        Map<String, String> plan = new LinkedHashMap<>();
        Map<String, String> content = Map.of("RESPONSIBILITY", "主要负责人刘国强负总责，设备科具体实施",
                "MEASURES", "加装可燃气体报警器并与切断阀联锁", "TIME_LIMIT", deadline + " 前完成",
                "FUNDS", "企业自筹12万元", "CONTINGENCY", "修订燃气泄漏现场处置方案并演练");
        rules.planParts(l.getRuleSet()).forEach(p -> plan.put(p.code(), content.getOrDefault(p.code(), p.label() + "（演示）")));
        supervision.filePlan(officer, l.getId(), new ListingAction(l.getVersion(), null, plan, null, null, null, null));
    }
}
