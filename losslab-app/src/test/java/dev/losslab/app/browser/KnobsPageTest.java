package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: sliders on each card for its main knobs race again as they move — no Run needed. On the
 * bowl GD is stable below 2/10: dragging lr from 0.18 past 0.2 turns "converged" into "diverged".
 */
class KnobsPageTest extends BrowserTest {

    @Test
    void theLearningRateSliderRacesAgainAsItMoves() {
        Page page = desktop("/?surface=bowl&optimizers=gd,momentum");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        // log10(0.18) − 2 … + 1; log10(0.25) = −0.602
        id(page, "knob-gd-lr").fill("-0.602");
        assertThat(page.locator("#p-gd-lr")).hasValue("0.25");
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "diverged", RACE_WAIT);
        id(page, "knob-gd-lr").fill("-1");
        assertThat(page.locator("#p-gd-lr")).hasValue("0.1");
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "converged", RACE_WAIT);
        assertThat(page).hasURL(java.util.regex.Pattern.compile("gd\\.lr=0\\.1(&|$)"));

        // μ has its own slider, and typing in the field moves the slider.
        id(page, "knob-momentum-momentum").fill("0.5");
        assertThat(page.locator("#p-momentum-momentum")).hasValue("0.5");
        assertThat(id(page, "status-momentum")).hasAttribute("data-reason", "converged", RACE_WAIT);
        page.locator("#p-gd-lr").fill("0.01");
        page.locator("#p-gd-lr").press("Enter");
        assertThat(id(page, "knob-gd-lr")).hasValue("-2");
    }

    @Test
    void sgdHasANoiseSlider() {
        Page page = desktop("/?surface=bowl&optimizers=sgd");
        assertThat(id(page, "loss-sgd")).not().isEmpty();
        id(page, "knob-sgd-noise").fill("0");
        assertThat(page.locator("#p-sgd-noise")).hasValue("0");
        // Without noise SGD is gradient descent: it converges.
        assertThat(id(page, "status-sgd")).hasAttribute("data-reason", "converged", RACE_WAIT);
    }
}
