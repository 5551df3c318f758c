package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the same optimizer races more than once with other settings — GD on the bowl at lr 0.19
 * converges and at 0.21 diverges (its bound is 2/10) — from a link, and from the "+" on a card.
 */
class RaceTwicePageTest extends BrowserTest {

    @Test
    void gradientDescentAtTwoLearningRatesEitherSideOfTheBound() {
        Page page = desktop("/?surface=bowl&optimizers=gd,gd:2&gd.lr=0.19&gd:2.lr=0.21");
        assertThat(id(page, "loss-gd:2")).not().isEmpty();
        assertThat(page.locator("#racer-gd\\:2-title")).hasText("Gradient descent · 2");
        assertThat(page.locator("#p-gd\\:2-lr")).hasValue("0.21");
        raceToTheEnd(page, List.of("gd", "gd:2"));
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "converged");
        assertThat(id(page, "status-gd:2")).hasAttribute("data-reason", "diverged");
        // Two colours of one family: the second is not the first.
        Object first = page.evaluate("() => getComputedStyle(document.querySelector('li[data-name=\"gd\"]')).getPropertyValue('--racer')");
        Object second = page.evaluate("() => getComputedStyle(document.querySelector('li[data-name=\"gd:2\"]')).getPropertyValue('--racer')");
        org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first);
    }

    @Test
    void thePlusOnACardRacesItAgainWithItsSettingsAndTheCrossTakesItOut() {
        Page page = desktop("/?surface=bowl&optimizers=momentum&momentum.momentum=0.5");
        assertThat(id(page, "loss-momentum")).not().isEmpty();
        id(page, "again-momentum").click();
        assertThat(id(page, "loss-momentum:2")).not().isEmpty();
        assertThat(page).hasURL(Pattern.compile("optimizers=momentum,momentum:2"));
        assertThat(page).hasURL(Pattern.compile("momentum:2\\.momentum=0\\.5"));
        // μ 0.5 against 0.9
        page.locator("[aria-controls=\"settings-momentum:2\"]").click();
        Locator mu = page.locator("#p-momentum\\:2-momentum");
        mu.fill("0.9");
        mu.press("Enter");
        raceToTheEnd(page, List.of("momentum", "momentum:2"));
        assertThat(id(page, "chart-readout")).containsText("momentum:2");
        id(page, "remove-momentum:2").click();
        assertThat(id(page, "loss-momentum:2")).hasCount(0);
        assertThat(page).hasURL(Pattern.compile("optimizers=momentum(&|$)"));
    }
}
