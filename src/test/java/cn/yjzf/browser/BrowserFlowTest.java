package cn.yjzf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A demo officer in real headless Chromium: login → enterprise → inspection → finding → judgment → order PDF.
 * Without Chromium installed the test is skipped with a message, unless REQUIRE_BROWSER=true (set by .ci/run),
 * which turns a missing browser into a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
class BrowserFlowTest {

    private static WebDriver driver;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    cn.yjzf.rulerelease.RuleReleaseService releases;

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

    /** Clicks something that loads a new page and waits until the old page is gone. */
    private void navigate(By by) {
        Chromium.navigate(driver, by);
    }

    private void setDate(WebElement input, String iso) {
        Chromium.setValue(driver, input, iso);
    }

    private void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo1234");
        navigate(By.id("login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("检查记录");
    }

    private void openInspection(String enterprise, String secondOfficer) {
        navigate(By.linkText("企业"));
        navigate(By.linkText(enterprise));
        navigate(By.id("new-inspection"));
        setDate(driver.findElement(By.id("inspectionDate")), "2025-06-10");
        driver.findElement(By.id("place")).sendKeys("生产车间");
        driver.findElement(By.xpath("//label[contains(., '" + secondOfficer + "')]/input")).click();
        navigate(By.id("open-inspection"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(enterprise);
    }

    @Test
    void theChecklistShowsLiveWhichAnswersMakeAMajorHazardAndWhy() throws Exception {
        login("township");
        openInspection("江城华泰钢铁有限公司", "周强");
        navigate(By.id("open-checklist"));
        WebElement group = driver.findElement(By.id("group-GM-03-03"));
        group.findElement(By.xpath(".//input[@data-question='GM-03-03-HEAD' and @value='否']")).click();
        group.findElement(By.xpath(".//input[@data-question='GM-03-03-MANAGER' and @value='是']")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> group.findElement(By.className("verdict")).getText().startsWith("重大事故隐患"));
        assertThat(group.findElement(By.className("verdict")).getText()).contains("第三条第（三）项", "金属冶炼企业");

        // A 冶金 enterprise with 粉尘涉爆 and 有限空间作业: its industry and special-operation items apply, others do not.
        assertThat(driver.findElements(By.id("group-GM-04-01"))).hasSize(1);
        assertThat(driver.findElements(By.id("group-GM-11-01"))).hasSize(1);
        assertThat(driver.findElements(By.id("group-GM-13-01"))).hasSize(1);
        assertThat(driver.findElements(By.id("group-GM-06-01"))).isEmpty();
        assertThat(driver.findElements(By.id("group-GM-12-01"))).isEmpty();
        // ... and the page names what a missing flag would open, with a way to record it when found on site
        assertThat(driver.findElement(By.id("flag-涉氨制冷")).getText()).contains("第十二条第（一）项", "现场确认存在");

        WebElement gas = driver.findElement(By.id("group-GM-04-07"));
        gas.findElement(By.xpath(".//input[@data-question='GM-04-07-FACILITY' and @value='失效']")).click();
        gas.findElement(By.xpath(".//input[@data-question='GM-04-07-PIPE' and @value='正常']")).click();
        wait.until(d -> gas.findElement(By.className("verdict")).getText().startsWith("重大事故隐患"));
        assertThat(gas.findElement(By.className("verdict")).getText()).contains("第四条第（七）项", "第十四条");

        WebElement dust = driver.findElement(By.id("group-GM-11-03"));
        dust.findElement(By.xpath(".//input[@data-question='GM-11-03-PROTECTION' and @value='未设置']")).click();
        wait.until(d -> dust.findElement(By.className("verdict")).getText().startsWith("重大事故隐患"));
        assertThat(dust.findElement(By.className("verdict")).getText()).contains("第十一条第（三）项");

        // 第十三条 only with 硫化氢、一氧化碳等中毒风险: the officer confirms it for the confined space found
        WebElement space = driver.findElement(By.id("group-GM-13-01"));
        space.findElement(By.xpath(".//input[@data-question='GM-13-01-POISON' and @value='是']")).click();
        space.findElement(By.xpath(".//input[@data-question='GM-13-01-LEDGER' and @value='否']")).click();
        space.findElement(By.xpath(".//input[@data-question='GM-13-01-SIGN' and @value='是']")).click();
        // 第十三条（一） needs both ("并且"): without a ledger but with warning signs it is only 一般.
        wait.until(d -> space.findElement(By.className("verdict")).getText().startsWith("一般事故隐患"));
        space.findElement(By.xpath(".//input[@data-question='GM-13-01-SIGN' and @value='否']")).click();
        wait.until(d -> space.findElement(By.className("verdict")).getText().startsWith("重大事故隐患"));
        assertThat(space.findElement(By.className("verdict")).getText()).contains("第十三条第（一）项");

        // Guidance (判定要点) stands beside the question, with its source
        assertThat(driver.findElement(By.id("guidance-GM-11-10-ACCUMULATION")).getText())
                .contains("积尘严重", "本局解释");
        assertThat(driver.findElement(By.id("guidance-GM-11-10-CLEANING")).getText()).contains("两者同时具备");

        // 第十一条（十）: the visible half alone cannot be graded; the page names the limb still to answer
        WebElement cleaning = driver.findElement(By.id("group-GM-11-10"));
        cleaning.findElement(By.xpath(".//input[@data-question='GM-11-10-ACCUMULATION' and @value='是']")).click();
        wait.until(d -> cleaning.findElement(By.className("verdict")).getText().contains("尚不能判定"));
        assertThat(cleaning.findElement(By.className("verdict")).getText()).contains("是否落实粉尘清理制度");
        cleaning.findElement(By.xpath(".//input[@data-question='GM-11-10-CLEANING' and @value='否']")).click();
        wait.until(d -> cleaning.findElement(By.className("verdict")).getText().startsWith("重大事故隐患"));
        assertThat(cleaning.findElement(By.className("verdict")).getText()).contains("第十一条第（十）项", "二手来源");

        // 不适用: a plant without crushing or grinding equipment and no sanding line: nothing fires, nothing is 一般
        WebElement crushing = driver.findElement(By.id("group-GM-11-08"));
        assertThat(crushing.findElements(By.xpath(".//input[@data-question='GM-11-08-REMOVAL' and @value='不适用']"))).hasSize(1);
        crushing.findElement(By.xpath(".//input[@data-question='GM-11-08-REMOVAL' and @value='不适用']")).click();
        crushing.findElement(By.xpath(".//input[@data-question='GM-11-08-WOOD' and @value='否']")).click();
        wait.until(d -> crushing.findElement(By.className("verdict")).getText().contains("未匹配"));

        WebElement ok = driver.findElement(By.id("group-GM-03-02"));
        ok.findElement(By.xpath(".//input[@value='是']")).click();
        wait.until(d -> ok.findElement(By.className("verdict")).getText().contains("未匹配"));
        screenshot("checklist");

        navigate(By.id("record-checklist"));
        assertThat(driver.findElement(By.className("notice")).getText()).contains("已记录 5 项");
        String findings = driver.findElement(By.className("findings")).getText();
        assertThat(findings).contains("第三条第（三）项", "第四条第（七）项", "第十一条第（三）项", "第十一条第（十）项",
                "第十三条第（一）项");
        assertThat(driver.findElements(By.xpath("//table[contains(@class,'findings')]//span[contains(@class,'MAJOR')]"))).hasSize(5);
    }

    @Test
    void aRuleMaintainerSeesTheLiveReleaseAndTheRulesDirectoryStatus() throws Exception {
        login("maintainer");
        navigate(By.linkText("规则维护"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("规则维护");
        assertThat(driver.findElement(By.id("live-release")).getText()).startsWith("#");
        assertThat(driver.findElement(By.id("releases")).getText()).contains("在用");
        assertThat(driver.findElements(By.id("submit-directory"))).hasSize(1);
        // page times are 北京时间 by default, whatever the server's zone
        java.time.Instant liveFrom = releases.get(releases.liveReleaseId()).getLiveFrom();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(
                DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(liveFrom.atZone(ZoneId.of("Asia/Shanghai"))));
        screenshot("rules");
        navigate(By.id("live-release"));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("在用");
    }

    /**
     * The README's 演示流程, step by step as written there (links and buttons by their visible names): the date
     * defaults to today in 北京时间, the 选择 button shows the item's questions, the description may be left blank
     * and is drafted from the answers, the officer rewords it, and the order PDF prints the officer's words.
     */
    @Test
    void theReadmeDemoWalkthroughWorksAsWritten() throws Exception {
        // 1. 以 officer / demo1234 登录
        login("officer");
        // 2. 企业 → 江城南方水泥有限公司 → 新建现场检查
        navigate(By.linkText("企业"));
        navigate(By.linkText("江城南方水泥有限公司"));
        navigate(By.linkText("新建现场检查"));
        // 3. 检查日期默认为今天（北京时间）；填写检查场所，勾选“李明”（本人已勾选），开始检查
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(driver.findElement(By.id("inspectionDate")).getAttribute("value")).isEqualTo(today);
        driver.findElement(By.id("place")).sendKeys("燃气配气间");
        assertThat(driver.findElement(By.xpath("//label[contains(., '张建国')]/input")).isSelected()).isTrue();
        driver.findElement(By.xpath("//label[contains(., '李明')]/input")).click();
        navigate(By.xpath("//button[normalize-space()='开始检查']"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("江城南方水泥有限公司");
        // 4. 在“检查项”中选“第六条第（六）项 …”，点“选择”
        driver.findElement(By.xpath("//select[@id='group']/option[starts-with(normalize-space(), '第六条第（六）项')]")).click();
        navigate(By.xpath("//button[normalize-space()='选择']"));
        // 5. 该装置选“未设置”：隐患描述随即按答案预填，记录并判定
        driver.findElement(By.xpath("//div[@class='question'][contains(., '固定式可燃气体浓度监测报警装置')]"
                + "//label[contains(., '未设置')]/input")).click();
        WebElement description = driver.findElement(By.id("description"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !description.getAttribute("value").isEmpty());
        assertThat(description.getAttribute("value"))
                .isEqualTo("制氢站、氮氢保护气体配气间、燃气配气间的固定式可燃气体浓度监测报警装置未设置。");
        navigate(By.xpath("//button[normalize-space()='记录并判定']"));
        WebElement row = driver.findElement(By.id("finding-1"));
        assertThat(row.getText()).contains("重大事故隐患", "第六条第（六）项",
                "制氢站、氮氢保护气体配气间、燃气配气间的固定式可燃气体浓度监测报警装置未设置。");
        assertThat(row.getText()).doesNotContain("GM2023-06-06", "sha256");
        // 6. 判定详情 shows answers, rule ids and hashes; 修改描述 rewords the hazard in the officer's words
        row.findElement(By.xpath(".//summary[normalize-space()='判定详情']")).click();
        assertThat(row.getText()).contains("GM2023-06-06", "gongmao-2023@", "sha256:");
        row.findElement(By.xpath(".//summary[starts-with(normalize-space(), '修改描述')]")).click();
        WebElement words = row.findElement(By.name("description"));
        words.clear();
        words.sendKeys("2号燃气配气间未安装固定式可燃气体浓度监测报警装置");
        navigate(By.xpath("//button[normalize-space()='保存描述']"));
        assertThat(driver.findElement(By.className("notice")).getText()).contains("已修改隐患描述");
        assertThat(driver.findElement(By.id("finding-1")).getText()).contains("2号燃气配气间未安装固定式可燃气体浓度监测报警装置");
        screenshot("inspection");
        // 7. 填写统一整改期限，下达并生成 PDF，点文号链接
        setDate(driver.findElement(By.id("defaultDeadline")), LocalDate.parse(today).plusDays(30).toString());
        navigate(By.xpath("//button[normalize-space()='下达并生成 PDF']"));
        WebElement link = driver.findElement(By.id("order-pdf"));
        assertThat(link.getText()).contains("江应急责改〔");

        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("责令限期整改指令书", "江城南方水泥有限公司",
                    "2号燃气配气间未安装固定式可燃气体浓度监测报警装置", "第六条第（六）项", "重大事故隐患")
                    .doesNotContain("：否", "GM2023");
        }
    }

    @Test
    void aFreeTextFindingStillNeedsADescription() throws Exception {
        login("officer");
        openInspection("江城恒通机械制造有限公司", "李明");
        navigate(By.xpath("//button[normalize-space()='记录并判定']"));
        assertThat(driver.findElement(By.cssSelector(".errors")).getText()).contains("请填写隐患描述");
        assertThat(driver.findElements(By.id("finding-1"))).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    // ---- casework: one penalty case from 立案 to 结案 through all three tiers, with one return for revision

    private void openCaseAs(String user, String caseUrl) {
        login(user);
        driver.get(caseUrl);
    }

    private String stage() {
        return driver.findElement(By.id("stage")).getText();
    }

    /** 案件处理呈批 referencing a penalty proposal stored through the API (its penalty, band and reasoning are taken over). */
    private void fillProposal(String caseUrl) throws Exception {
        String base = caseUrl.substring(0, caseUrl.indexOf("/cases/"));
        String auth = java.util.Base64.getEncoder().encodeToString("officer:demo1234".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/penalty-proposals"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"violationDate":"2026-01-20","decisionDate":"2026-02-07","violations":[{"violationCode":"AQF-102","stage":"首次"}]}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        driver.findElement(By.id("proposalRef")).sendKeys(id.group(1));
        driver.findElement(By.id("fine")).sendKeys("30000");
        driver.findElement(By.id("legalReviewRequired")).click();
        navigate(By.id("submit-review"));
        assertThat(driver.findElement(By.id("proposal-reasoning")).getText()).contains("处罚建议#" + id.group(1), "命中规则");
    }

    @Test
    void aPenaltyCaseGoesFromFilingToClosingThroughThreeTiersWithOneReturn() throws Exception {
        login("officer");
        navigate(By.linkText("行政处罚案件"));
        navigate(By.id("new-case"));
        driver.findElement(By.name("partyName")).sendKeys("江城南方水泥有限公司");
        driver.findElement(By.name("matterCode")).sendKeys("AQF-102");
        driver.findElement(By.name("cause")).sendKeys("未采取措施消除重大事故隐患案");
        driver.findElement(By.xpath("//label[contains(., '李明')]/input")).click();
        navigate(By.id("submit-case"));
        String caseUrl = driver.getCurrentUrl();
        assertThat(stage()).isEqualTo("立案申请");
        navigate(By.id("submit-filing"));
        assertThat(stage()).isEqualTo("立案审批");

        login("approver");
        navigate(By.id("nav-tasks"));
        navigate(By.linkText("未采取措施消除重大事故隐患案"));
        navigate(By.id("approve"));
        assertThat(stage()).isEqualTo("调查取证");

        openCaseAs("officer", caseUrl);
        assertThat(driver.findElement(By.id("missing")).getText()).contains("调查取证", "第五十五条");
        driver.findElement(By.name("summary")).sendKeys("询问企业负责人刘国强");
        navigate(By.id("add-act"));
        navigate(By.id("conclude-investigation"));
        assertThat(stage()).isEqualTo("案件处理呈批");
        fillProposal(caseUrl);
        assertThat(stage()).isEqualTo("审核（执法机构负责人）");

        openCaseAs("unithead", caseUrl);
        navigate(By.id("approve"));
        assertThat(stage()).isEqualTo("法制审核");

        openCaseAs("reviewer", caseUrl);
        new Select(driver.findElement(By.name("target"))).selectByVisibleText("案件处理呈批");
        driver.findElement(By.id("return-reason")).sendKeys("请补充现场照片并写明隐患位置");
        navigate(By.id("return"));
        assertThat(stage()).isEqualTo("案件处理呈批");

        openCaseAs("officer", caseUrl);
        fillProposal(caseUrl);
        openCaseAs("unithead", caseUrl);
        navigate(By.id("approve"));
        openCaseAs("reviewer", caseUrl);
        navigate(By.id("approve"));
        openCaseAs("approver", caseUrl);
        assertThat(stage()).isEqualTo("负责人审批");
        navigate(By.id("approve"));
        assertThat(stage()).isEqualTo("行政处罚告知");

        openCaseAs("officer2", caseUrl);
        navigate(By.id("serve-notice"));
        driver.findElement(By.id("waived")).click();
        navigate(By.id("conclude-statement"));
        assertThat(stage()).isEqualTo("行政处罚决定");
        navigate(By.id("decide"));
        navigate(By.id("serve-decision"));
        assertThat(stage()).isEqualTo("执行");
        assertThat(driver.findElement(By.id("deadlines")).getText()).contains("缴纳罚款", "第六十七条");
        navigate(By.id("record-payment"));
        navigate(By.id("request-closing"));
        assertThat(stage()).isEqualTo("结案审批");

        openCaseAs("approver", caseUrl);
        navigate(By.id("approve"));
        assertThat(stage()).isEqualTo("已结案");
        String timeline = driver.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("请补充现场照片并写明隐患位置", "王芳", "吴建军", "赵振华", "张建国", "李明");
        screenshot("case-closed");
    }
}
