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
