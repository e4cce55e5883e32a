package cn.yjzf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.rectification.IssueOrder;
import cn.yjzf.rectification.RectificationLifecycle;
import cn.yjzf.rectification.RectificationService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: (a) a major hazard listed for 市级 supervision goes 挂牌 → 治理方案 → 延期 → 复查 → 验收 →
 * 销号 by the 负责人, two officers and the 负责人 again; (b) a hazard is followed from the checklist finding to the order,
 * its report, re-inspection and closure, and an overdue one appears in the officer's 我的待办 and becomes a case in
 * one step. Same context as {@link BrowserFlowTest}; skipped without Chromium unless REQUIRE_BROWSER=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
class SupervisionBrowserTest {

    private static WebDriver driver;

    @LocalServerPort int port;
    @Autowired InspectionService inspections;
    @Autowired RectificationService orders;
    @Autowired RectificationLifecycle lifecycle;
    @Autowired AppUserRepository users;

    @BeforeAll
    static void startBrowser() {
        driver = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void navigate(By by) {
        Chromium.navigate(driver, by);
    }

    private void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo1234");
        navigate(By.id("login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("检查记录");
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    /** An order for one major hazard of 江城南方水泥 issued through the services (the UI path is test (b)). */
    private String majorOrder(String place, LocalDate inspected, LocalDate deadline) {
        CurrentUser officer = CurrentUser.of(users.findByUsername("officer").orElseThrow());
        CurrentUser officer2 = CurrentUser.of(users.findByUsername("officer2").orElseThrow());
        Long enterprise = 1L;
        Long inspection = inspections.open(officer, new NewInspection(enterprise, inspected, place,
                Set.of(officer.id(), officer2.id()))).getId();
        inspections.addFinding(officer, inspection, new NewFinding("GM-06-06", Map.of("GM-06-06-GAS", "未设置"),
                place + "燃气未设报警", null));
        return orders.issue(officer, inspection, new IssueOrder(inspected, deadline, null)).getDocumentNo();
    }

    private void submit(String formClass, String button) {
        navigate(By.xpath("//form[contains(@class,'" + formClass + "')]//button[normalize-space()='" + button + "']"));
    }

    private WebElement form(String formClass) {
        return driver.findElement(By.cssSelector("form." + formClass));
    }

    private String status() {
        return driver.findElement(By.id("listing-status")).getText();
    }

    @Test
    void aMajorHazardIsListedPlannedExtendedAcceptedAndClosedByTheSupervisingLevel() {
        String orderNo = majorOrder("督办浏览器测试车间", LocalDate.now(ZoneId.of("Asia/Shanghai")),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60));
        LocalDate deadline = LocalDate.parse(today()).plusDays(60);

        // 负责人 lists it for 市级 supervision
        login("approver");
        navigate(By.id("nav-supervision"));
        WebElement listing = form("new-listing");
        new Select(listing.findElement(By.name("trackId"))).selectByVisibleText(
                "江城南方水泥有限公司：" + orderNo + " 第1项：督办浏览器测试车间燃气未设报警");
        new Select(listing.findElement(By.name("level"))).selectByVisibleText("市级");
        listing.findElement(By.name("documentNo")).sendKeys("江安委办督〔2026〕9号");
        listing.findElement(By.name("responsiblePerson")).sendKeys("刘国强");
        Chromium.setValue(driver, listing.findElement(By.name("deadline")), deadline.toString());
        listing.findElement(By.name("funds")).sendKeys("80000");
        submit("new-listing", "挂牌督办");
        assertThat(driver.findElement(By.className("notice")).getText()).contains("已挂牌督办");
        assertThat(status()).isEqualTo("已挂牌，待报治理方案");
        assertThat(driver.findElement(By.id("dues")).getText()).contains("未配置");
        String listingUrl = driver.getCurrentUrl();

        // the officer files the plan; a missing part is named in Chinese and nothing is saved
        login("officer");
        driver.get(listingUrl);
        form("plan").findElement(By.name("plan_RESPONSIBILITY")).sendKeys("主要负责人刘国强");
        submit("plan", "报送治理方案");
        assertThat(driver.findElement(By.className("errors")).getText()).contains("治理方案缺少“措施”", "治理方案缺少“预案”");
        assertThat(status()).isEqualTo("已挂牌，待报治理方案");
        WebElement plan = form("plan");
        for (String[] part : new String[][] {{"RESPONSIBILITY", "主要负责人刘国强"}, {"MEASURES", "加装报警器并联锁"},
                {"TIME_LIMIT", "六十日"}, {"FUNDS", "8万元"}, {"CONTINGENCY", "燃气泄漏处置方案"}}) {
            WebElement input = plan.findElement(By.name("plan_" + part[0]));
            input.clear();
            input.sendKeys(part[1]);
        }
        submit("plan", "报送治理方案");
        assertThat(status()).isEqualTo("治理中");
        assertThat(driver.findElement(By.id("plan")).getText()).contains("加装报警器并联锁", "燃气泄漏处置方案");

        // ... and asks for an extension, which the 负责人 (the supervising level) grants from the queue
        LocalDate until = deadline.plusDays(30);
        Chromium.setValue(driver, form("extension").findElement(By.name("until")), until.toString());
        form("extension").findElement(By.name("note")).sendKeys("报警器到货延迟");
        submit("extension", "申请延期");
        assertThat(driver.findElements(By.cssSelector("form.extension-decision"))).as("not for the requester").isEmpty();

        login("approver");
        navigate(By.id("nav-supervision"));
        assertThat(driver.findElement(By.id("supervision-queue")).getText()).contains("江安委办督〔2026〕9号", "延期申请待决定");
        navigate(By.xpath("//section[@id='supervision-queue']//a[normalize-space()='江安委办督〔2026〕9号']"));
        form("extension-decision").findElement(By.xpath(".//input[@value='true']")).click();
        submit("extension-decision", "作出延期决定");
        assertThat(driver.findElement(By.id("listing-deadline")).getText()).contains(until.toString(), "已同意延期1次");

        // the officer re-inspects the hazard on the tracking page: passed
        login("officer");
        driver.get(listingUrl);
        navigate(By.linkText("整改跟踪与复查"));
        form("reinspection-request").findElement(By.name("note")).sendKeys("报警器已安装联锁");
        submit("reinspection-request", "申请复查");
        form("reinspection").findElement(By.xpath(".//input[@value='true']")).click();
        form("reinspection").findElement(By.name("note")).sendKeys("复查合格");
        submit("reinspection", "登记复查结论");
        assertThat(driver.findElement(By.className("notice")).getText()).contains("复查通过");

        // a second officer of the supervising level records 验收; the 负责人 approves 销号
        login("officer2");
        driver.get(listingUrl);
        form("acceptance").findElement(By.xpath(".//input[@value='true']")).click();
        form("acceptance").findElement(By.name("note")).sendKeys("验收合格：联锁测试记录、照片");
        submit("acceptance", "登记验收");
        assertThat(status()).isEqualTo("验收合格，待销号");

        login("approver");
        driver.get(listingUrl);
        form("closure").findElement(By.name("note")).sendKeys("同意销号");
        submit("closure", "批准销号");
        assertThat(status()).isEqualTo("已销号");
        assertThat(driver.findElement(By.id("listing-closed")).getText()).contains(today(), "销号并公布");
        navigate(By.linkText("整改跟踪与复查"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("挂牌督办销号");
    }

    @Test
    void aHazardIsFollowedFromFindingToClosureAndAnOverdueOneBecomesACaseInOneStep() {
        // finding → order in the UI (as in the README walkthrough)
        login("officer");
        navigate(By.linkText("企业"));
        navigate(By.linkText("江城南方水泥有限公司"));
        navigate(By.linkText("新建现场检查"));
        driver.findElement(By.id("place")).sendKeys("燃气调压间");
        driver.findElement(By.xpath("//label[contains(., '李明')]/input")).click();
        navigate(By.xpath("//button[normalize-space()='开始检查']"));
        driver.findElement(By.xpath("//select[@id='group']/option[starts-with(normalize-space(), '第六条第（六）项')]")).click();
        navigate(By.xpath("//button[normalize-space()='选择']"));
        driver.findElement(By.xpath("//div[@class='question'][contains(., '固定式可燃气体浓度监测报警装置')]"
                + "//label[contains(., '未设置')]/input")).click();
        navigate(By.xpath("//button[normalize-space()='记录并判定']"));
        assertThat(driver.findElement(By.id("finding-1")).getText()).contains("重大事故隐患");
        Chromium.setValue(driver, driver.findElement(By.id("defaultDeadline")), LocalDate.parse(today()).plusDays(20).toString());
        navigate(By.xpath("//button[normalize-space()='下达并生成 PDF']"));
        // order → report → re-inspection → closure
        navigate(By.id("order-tracking"));
        assertThat(driver.findElement(By.cssSelector("#item-1 .status")).getText()).isEqualTo("已下达");
        form("progress").findElement(By.name("note")).sendKeys("企业已采购报警器");
        submit("progress", "登记整改情况");
        assertThat(driver.findElement(By.cssSelector("#item-1 .status")).getText()).isEqualTo("整改中");
        form("reinspection-request").findElement(By.name("note")).sendKeys("报警器已安装");
        submit("reinspection-request", "申请复查");
        form("reinspection").findElement(By.xpath(".//input[@value='true']")).click();
        form("reinspection").findElement(By.name("note")).sendKeys("现场复查合格");
        submit("reinspection", "登记复查结论");
        assertThat(driver.findElement(By.cssSelector("#item-1 .status")).getText()).isEqualTo("复查通过（已销号）");

        // an overdue one: in 我的待办, and a case in one step
        String late = majorOrder("逾期测试车间", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 30));
        lifecycle.markOverdue(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        navigate(By.id("nav-tasks"));
        WebElement due = driver.findElement(By.id("rectification-due"));
        assertThat(due.getText()).contains(late + " 第1项", "已逾期");
        navigate(By.xpath("//section[@id='rectification-due']//a[normalize-space()='" + late + " 第1项']"));
        new Select(form("escalation").findElement(By.name("handlerIds"))).selectByVisibleText("李明");
        submit("escalation", "立案（安全生产法第一百零二条，逾期未整改）");
        assertThat(driver.findElement(By.className("notice")).getText()).contains("已立案");
        assertThat(driver.findElement(By.cssSelector("#item-1 .status")).getText()).isEqualTo("已立案查处");
        navigate(By.xpath("//section[@id='item-1']//a[starts-with(normalize-space(), '案件')]"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("逾期未整改", late);
    }
}
