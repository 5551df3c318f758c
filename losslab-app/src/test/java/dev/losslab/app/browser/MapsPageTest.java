package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * The basin-map page (maps.html) in a real browser: Compute fills the legend with every known
 * minimum's share, the page fits a phone, a click opens the lab from that start. Fails on any
 * console or page error, like {@link LabPageTest}.
 */
class MapsPageTest extends BrowserTest {

    private static final String HIMMELBLAU_GD = "/maps.html?surface=himmelblau&optimizer=gd&grid=60";
    private static final LocatorAssertions.HasCountOptions COMPUTE_WAIT =
            new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    /** Clicks Compute and waits for the legend: four minima plus "still on its way" and "diverged". */
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
        Page page = desktop(HIMMELBLAU_GD);
        assertThat(page.getByTestId("grid")).hasValue("60");
        Locator minima = computeHimmelblau(page);
        for (Locator row : minima.all()) {
            assertThat(Double.parseDouble(row.getAttribute("data-share"))).isGreaterThan(10);
        }
        assertThat(totalShare(page)).isCloseTo(100, within(1e-6));
        assertThat(page.getByTestId("status")).containsText("Done");
        screenshot(page, "maps-desktop-himmelblau-gd.png");
    }

    /**
     * Issue 14: Rastrigin's 120 local minima are basins, not a grey "did not converge" covering 99 % of
     * the map: the legend names the listed minimum and the largest local basins, and sums the rest.
     */
    @Test
    void rastriginsLocalMinimaAreBasinsInTheLegend() {
        Page page = desktop("/maps.html?surface=rastrigin&optimizer=gd&grid=101");
        page.getByTestId("compute").click();
        Locator legend = page.getByTestId("legend");
        assertThat(legend.locator("li[data-kind=other-minima]")).hasCount(1, COMPUTE_WAIT);
        assertThat(legend.locator("li[data-kind=other-minima]")).containsText("112 other local minima");
        assertThat(legend.locator("li[data-kind=minimum]")).hasCount(9);
        assertThat(legend.locator("li[data-kind=minimum]").first()).containsText("Minimum 1 at (0, 0)");
        assertThat(legend.locator("li[data-kind=minimum]").nth(1)).containsText("a local minimum");
        assertThat(Double.parseDouble(legend.locator("li[data-kind=unconverged]").getAttribute("data-share"))).isLessThan(5);
        assertThat(totalShare(page)).isCloseTo(100, within(1e-6));
        screenshot(page, "maps-desktop-rastrigin-gd.png");
    }

    /** Issue 14's bug: a half-typed value went into the page's link; now only a well-formed one does. */
    @Test
    void aHalfTypedValueStaysOutOfTheLink() {
        Page page = desktop("/maps.html?tab=sweep&sweep.surface=bowl&sweep.start=-3.5,2.5");
        Locator x = page.getByTestId("sweep-start-x");
        assertThat(x).hasValue("-3.5");
        x.fill("-3.");
        x.press("Tab");
        page.waitForFunction("() => location.search.includes('sweep.start=-3.,2.5')");
        x.fill("abc");
        x.press("Tab");
        page.waitForFunction("() => !location.search.includes('sweep.start=')");
        assertThat(page.url()).doesNotContain("abc");
    }

    @Test
    void fitsAPhoneAndAClickOpensTheLabFromThatStart() {
        Page page = phone(HIMMELBLAU_GD);
        computeHimmelblau(page);
        assertThat(totalShare(page)).isCloseTo(100, within(1e-6));
        assertNoHorizontalScroll(page);
        screenshot(page, "maps-phone-himmelblau-gd.png", true);

        Locator canvas = page.getByTestId("basin-map");
        canvas.scrollIntoViewIfNeeded();
        var box = canvas.boundingBox();
        canvas.click(new Locator.ClickOptions().setPosition(box.width / 2, box.height / 2));
        page.waitForURL(url -> url.contains("start=") && !url.contains("maps.html"));
        assertThat(page.url()).contains("surface=himmelblau").contains("optimizers=gd").contains("gd.lr=");
    }

    @Test
    void theLabLinksToTheBasinsPage() {
        Page page = desktop("/");
        page.getByTestId("basins-link").click();
        page.waitForURL(url -> url.contains("/maps.html"));
        assertThat(page.getByTestId("compute")).isEnabled();
    }
}
