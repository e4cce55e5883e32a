package cn.yjzf.browser;

import static cn.yjzf.browser.Chromium.navigate;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators in real headless Chromium: the system administrator creates a county agency, a township with a
 * 委托书 and a user with a certificate; the security administrator grants the role; the new user changes the
 * temporary password at first login and is warned before the idle session expires.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:adminbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true"})
class AdminBrowserTest {

    private static WebDriver driver;

    @LocalServerPort
    int port;

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

    private void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        navigate(driver, By.id("login"));
    }

    private String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void anAdministratorSetsUpACountyATownshipUnderADelegationAndAnOfficerEntirelyInTheUi() {
        login("sysadmin", "demo1234");
        assertThat(h1()).isEqualTo("系统管理");

        navigate(driver, By.linkText("机关"));
        navigate(driver, By.id("new-agency"));
        type("name", "江城市西湖区应急管理局");
        type("shortName", "西应急");
        new Select(driver.findElement(By.id("level"))).selectByVisibleText("县级");
        new Select(driver.findElement(By.id("parentId"))).selectByVisibleText("江城市应急管理局（市级）");
        navigate(driver, By.id("save"));
        assertThat(driver.findElement(By.id("agencies")).getText()).contains("江城市西湖区应急管理局", "西应急", "县级");

        navigate(driver, By.linkText("乡镇（街道）"));
        navigate(driver, By.id("new-township"));
        new Select(driver.findElement(By.id("agencyId"))).selectByVisibleText("江城市西湖区应急管理局");
        type("name", "湖滨街道");
        driver.findElement(By.cssSelector("input[name=legalForm][value=DELEGATED]")).click();
        type("authorityDocNo", "西应急委〔2026〕1号");
        Chromium.setValue(driver, driver.findElement(By.id("validFrom")), "2026-01-01");
        driver.findElement(By.id("matter-INSPECTION")).click();
        driver.findElement(By.id("matter-AQF-102")).click();
        navigate(driver, By.id("save"));
        // a 委托书 must state its period: refused with the reason, nothing saved
        assertThat(driver.findElement(By.cssSelector(".errors")).getText()).contains("委托书应载明委托期限");
        Chromium.setValue(driver, driver.findElement(By.id("validUntil")), "2026-12-31");
        navigate(driver, By.id("save"));
        assertThat(driver.findElement(By.id("townships")).getText())
                .contains("湖滨街道", "委托", "西应急委〔2026〕1号", "2026-12-31", "行政检查（含责令改正、现场处理措施）", "未采取措施消除事故隐患");

        navigate(driver, By.linkText("用户"));
        navigate(driver, By.id("new-user"));
        type("username", "hubin1");
        type("fullName", "钱湖");
        new Select(driver.findElement(By.id("agencyId"))).selectByVisibleText("江城市西湖区应急管理局");
        new Select(driver.findElement(By.id("townshipId"))).selectByVisibleText("江城市西湖区应急管理局 / 湖滨街道");
        type("certificateNo", "33010030001");
        Chromium.setValue(driver, driver.findElement(By.id("certificateValidUntil")), "2030-12-31");
        navigate(driver, By.id("save"));
        assertThat(h1()).isEqualTo("已新建用户");
        String temporary = driver.findElement(By.id("temporary-password")).getText();
        navigate(driver, By.linkText("返回用户列表"));
        assertThat(driver.findElement(By.id("users")).getText()).contains("hubin1", "钱湖", "湖滨街道", "33010030001", "待改口令");

        // the security administrator grants the role; a business page stays closed to administrators
        login("secadmin", "demo1234");
        driver.get(url("/enterprises"));
        assertThat(driver.getPageSource()).doesNotContain("江城南方水泥有限公司");
        driver.get(url("/admin/security"));
        navigate(driver, By.id("account-hubin1"));
        driver.findElement(By.cssSelector("input[name=roles][value=TOWNSHIP_ENFORCER]")).click();
        navigate(driver, By.id("save-roles"));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已保存钱湖的角色");

        // first login: the temporary password must be changed
        login("hubin1", temporary);
        assertThat(h1()).isEqualTo("修改口令");
        type("currentPassword", temporary);
        type("newPassword", "Hubin-2026-ok");
        type("confirmPassword", "Hubin-2026-ok");
        navigate(driver, By.id("change"));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("口令已修改");
        login("hubin1", "Hubin-2026-ok");
        assertThat(h1()).isEqualTo("检查记录");
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains("钱湖", "乡镇委托执法人员");

        idleWarningAppearsAndContinuingRenewsTheSession();
    }

    /** The page's warning, with its timeout shortened in the page so the test need not wait 28 minutes. */
    private void idleWarningAppearsAndContinuingRenewsTheSession() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.querySelector('meta[name=session-timeout]').setAttribute('content', '5');"
                + "var s = document.createElement('script'); s.src = arguments[0] + '?again'; document.head.appendChild(s);",
                url("/js/session-timeout.js"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("session-warning")).isDisplayed());
        assertThat(driver.findElement(By.id("session-warning")).getText()).contains("会话将于", "过期");
        driver.findElement(By.id("session-continue")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> !d.findElement(By.id("session-warning")).isDisplayed());
    }
}
