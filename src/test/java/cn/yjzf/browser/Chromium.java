package cn.yjzf.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests: skipped with a message when it is not installed, unless REQUIRE_BROWSER=true
 * (set by .ci/run) makes that a failure.
 */
final class Chromium {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    static WebDriver start() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"))) {
            throw new IllegalStateException("REQUIRE_BROWSER=true 但未找到 /usr/bin/chromium 或 /usr/bin/chromedriver（apt-get install -y chromium chromium-driver）");
        }
        assumeTrue(present, "跳过浏览器测试：未安装 chromium / chromium-driver（CI 中 REQUIRE_BROWSER=true 会使其失败）");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600", "--lang=zh-CN");
        // the page's console (errors of the charts' script) readable through driver.manage().logs()
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    static void navigate(WebDriver driver, By by) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(html));
    }

    /** Stale, or mid-navigation "does not belong to the document": either way the old page is gone. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Signs in afresh as a demo user (password demo1234) from {@code home}; lands on 检查记录. */
    static void login(WebDriver driver, String home, String user) {
        driver.manage().deleteAllCookies();
        driver.get(home);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo1234");
        navigate(driver, By.id("login"));
        String h1 = driver.findElement(By.tagName("h1")).getText();
        if (!"检查记录".equals(h1)) {
            throw new AssertionError("signed in as " + user + " but landed on " + h1);
        }
    }

    static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
