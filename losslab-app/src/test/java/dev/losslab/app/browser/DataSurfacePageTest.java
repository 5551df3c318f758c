package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 in the lab: the picker's "Real data" group, the data beside the map with each racer's
 * model moving as its ball rolls, and SGD's noise as a minibatch size B (1 to n) instead of σ.
 */
class DataSurfacePageTest extends BrowserTest {

    private static final String STANDARDIZED = "regression:diabetes:bmi:standardized";

    @Test
    void thePickerListsModelsOnRealDataInTheirOwnGroup() {
        Page page = desktop("/?surface=bowl");
        assertThat(page.locator("#surface-select optgroup[label='Real data'] option[value='" + STANDARDIZED + "']")).hasCount(1);
        assertThat(page.locator("#surface-select optgroup[label='Surfaces'] option[value='bowl']")).hasCount(1);
        assertThat(id(page, "data-panel")).isHidden();

        page.locator("#surface-select").selectOption(STANDARDIZED);
        assertThat(page).hasURL(Pattern.compile("surface=regression%3Adiabetes%3Abmi%3Astandardized|surface=regression:diabetes:bmi:standardized"));
        assertThat(id(page, "data-panel")).isVisible();
        assertThat(id(page, "data-caption")).containsText("diabetes");
        // a listed surface, not "your formula"
        assertThat(page.locator("#surface-select")).hasValue(STANDARDIZED);
        assertThat(page.locator("#surface-select option[value='__typed']")).hasCount(0);

        page.locator("#surface-select").selectOption("bowl");
        assertThat(id(page, "data-panel")).isHidden();
    }

    /**
     * GD on standardized BMI lands on the least-squares line in one step (the Hessian is 2·I, lr 1/2):
     * w = 45.16, b = 152.13, which the model line under the picture states once the race has run.
     */
    @Test
    void eachRacersModelIsDrawnAtTheStepShown() {
        Page page = desktop("/?surface=" + STANDARDIZED + "&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty(); // loaded
        assertThat(id(page, "data-model")).isEmpty();
        id(page, "run").click();
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "converged", RACE_WAIT);
        assertThat(id(page, "data-model")).hasText(Pattern.compile("gd: progression = 45\\.2·bmi′ \\+ 152"));
        // back to the start: the model is the point (0, 0), a flat line at 0
        id(page, "reset").click();
        assertThat(id(page, "data-model")).hasText(Pattern.compile("gd: progression = 0·bmi′ \\+ 0"));
        screenshot(page, "data-surface-1440.png");
    }

    @Test
    void sgdOnDataHasABatchSizeSliderFromOneToN() {
        Page page = desktop("/?surface=" + STANDARDIZED + "&optimizers=gd,sgd");
        assertThat(id(page, "knob-sgd-batch-size")).isVisible();
        assertThat(id(page, "knob-sgd-noise")).hasCount(0);
        assertThat(id(page, "knob-gd-batch-size")).hasCount(0); // GD is full batch: no slider, a field in its settings
        assertThat(id(page, "knob-sgd-batch-size")).hasAttribute("max", Pattern.compile("^2\\.645")); // log10(442)
        assertThat(page.locator("#p-sgd-batch-size")).hasValue("16");

        // B = n: every example each step, the exact gradient — SGD is gradient descent and converges
        slide(id(page, "knob-sgd-batch-size"), "max");
        assertThat(page.locator("#p-sgd-batch-size")).hasValue("442");
        assertThat(id(page, "status-sgd")).hasAttribute("data-reason", "converged", RACE_WAIT);
        assertThat(page).hasURL(Pattern.compile("sgd\\.batch-size=442"));

        // B = 1: one patient per step, whose own loss (w·x + b − y)² curves by 2(1 + x²) — past 2/lr = 4
        // for a BMI over one sd from the mean, so at lr 1/2 an unlucky draw of outliers throws it out
        slide(id(page, "knob-sgd-batch-size"), "min");
        assertThat(page.locator("#p-sgd-batch-size")).hasValue("1");
        assertThat(id(page, "status-sgd")).hasAttribute("data-reason", "diverged", RACE_WAIT);
        // B = 4: the estimates average out enough; it hovers around the fit
        page.locator("[aria-controls='settings-sgd']").click();
        page.locator("#p-sgd-batch-size").fill("4");
        page.locator("#p-sgd-batch-size").press("Enter");
        id(page, "run").click();
        assertThat(id(page, "status-sgd")).hasAttribute("data-reason", "max-steps", RACE_WAIT);
        assertThat(id(page, "status-sgd")).containsText("each minibatch pulls it elsewhere");
    }

    /** Moves a range input to its "min" or "max" end, as a drag there would. */
    private static void slide(com.microsoft.playwright.Locator range, String end) {
        range.evaluate("(e, end) => { e.value = e[end]; e.dispatchEvent(new Event('input', { bubbles: true })); }", end);
    }

    @Test
    void aBatchSizeThatIsNotAWholeNumberIsSaidUnderItsFieldAndKeptOutOfTheLink() {
        Page page = desktop("/?surface=" + STANDARDIZED + "&optimizers=sgd");
        page.locator("[aria-controls='settings-sgd']").click();
        page.locator("#p-sgd-batch-size").fill("2.5");
        page.locator("#p-sgd-batch-size").press("Enter");
        assertThat(page.locator("#p-sgd-batch-size")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#settings-sgd")).containsText("batch-size must be a whole number >= 1, got '2.5'");
        assertThat(page.url()).doesNotContain("batch-size");
    }

    @Test
    void onAPhoneTheDataFollowTheMap() {
        Page page = phone("/?surface=" + STANDARDIZED + "&optimizers=gd,sgd");
        assertThat(id(page, "data-panel")).isVisible();
        Object order = page.evaluate("""
                () => ['map-wrap', 'data-panel', 'racers'].map((id) => document.getElementById(id).getBoundingClientRect().top)""");
        @SuppressWarnings("unchecked")
        List<Number> tops = (List<Number>) order;
        assertThat(tops.get(1).doubleValue()).isGreaterThan(tops.get(0).doubleValue());
        assertThat(tops.get(2).doubleValue()).isGreaterThan(tops.get(1).doubleValue());
        assertNoHorizontalScroll(page);
    }
}
