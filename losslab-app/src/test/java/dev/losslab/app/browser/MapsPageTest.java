package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The basin-map page (maps.html) in a real browser: Compute fills the legend with every known
 * minimum's share, the page fits a phone, a click opens the lab from that start. Fails on any
 * console or page error, like {@link LabPageTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapsPageTest {

    private static final String HIMMELBLAU_GD = "/maps.html?surface=himmelblau&optimizer=gd&grid=60";
    private static final LocatorAssertions.HasCountOptions COMPUTE_WAIT =
            new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    private LabBrowser lab;

    @BeforeAll
    void start() throws IOException {
        lab = new LabBrowser();
        Files.createDirectories(LabBrowser.SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(lab.problems).as("console and page errors").isEmpty();
    }

    /** Clicks Compute and waits for the legend: four minima plus "did not converge" and "diverged". */
    private static Locator computeHimmelblau(Page page) {
        Locator compute = page.getByTestId("compute");
        assertThat(compute).isEnabled();
        compute.click();
        Locator minima = page.getByTestId("legend").locator("li[data-kind=minimum]");
        assertThat(minima).hasCount(4, COMPUTE_WAIT);
        assertThat(compute).hasText("Compute");
        return minima;
    }

    private static double totalShare(Page page) {
        double total = 0;
        for (Locator row : page.getByTestId("legend").locator("li").all()) {
            total += Double.parseDouble(row.getAttribute("data-share"));
        }
        return total;
    }

    @Test
    void himmelblauGradientDescentFillsTheLegendWithFourBasins() {
        Page page = lab.open(HIMMELBLAU_GD, 1440, 900, false);
        assertThat(page.getByTestId("grid")).hasValue("60");
        Locator minima = computeHimmelblau(page);
        for (Locator row : minima.all()) {
            assertThat(Double.parseDouble(row.getAttribute("data-share"))).isGreaterThan(10);
        }
        assertThat(totalShare(page)).isCloseTo(100, within(1e-6));
        assertThat(page.getByTestId("status")).containsText("Done");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(LabBrowser.SCREENSHOTS.resolve("maps-desktop-himmelblau-gd.png")));
    }

    @Test
    void fitsAPhoneAndAClickOpensTheLabFromThatStart() {
        Page page = lab.open(HIMMELBLAU_GD, 390, 844, true);
        computeHimmelblau(page);
        assertThat(totalShare(page)).isCloseTo(100, within(1e-6));
        Object fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        assertThat(fits).as("no horizontal scroll at 390 px").isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(LabBrowser.SCREENSHOTS.resolve("maps-phone-himmelblau-gd.png")).setFullPage(true));

        Locator canvas = page.getByTestId("basin-map");
        canvas.scrollIntoViewIfNeeded();
        var box = canvas.boundingBox();
        canvas.click(new Locator.ClickOptions().setPosition(box.width / 2, box.height / 2));
        page.waitForURL(url -> url.contains("start=") && !url.contains("maps.html"));
        assertThat(page.url()).contains("surface=himmelblau").contains("optimizers=gd").contains("gd.lr=");
    }

    @Test
    void theLabLinksToTheBasinsPage() {
        Page page = lab.open("/", 1440, 900, false);
        page.getByTestId("basins-link").click();
        page.waitForURL(url -> url.contains("/maps.html"));
        assertThat(page.getByTestId("compute")).isEnabled();
    }
}
