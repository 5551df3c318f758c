package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "Tune all" (issue 16): each racer is tuned on the server with the same budget, its card takes the
 * chosen settings and says what tuning found, and the race runs at them. On the bowl (curvatures 1
 * and 10) gradient descent's best lr lies just below 2/10, near 2/(1 + 10) ≈ 0.18.
 */
class TuneAllPageTest extends BrowserTest {

    /** Generous: tuning two racers is about a second of work, slower on a loaded machine. */
    private static final LocatorAssertions.ContainsTextOptions TUNE_WAIT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @Test
    void tuningSetsEachRacersBestSettingsAndRacesThem() {
        Page page = desktop("/?surface=bowl&optimizers=gd,momentum&gd.lr=0.01");
        assertThat(page.getByTestId("loss-gd")).not().isEmpty();
        assertThat(page.locator("#tune-note")).containsText("37 learning rates");
        page.getByTestId("tune-all").click();

        assertThat(page.getByTestId("tuned-gd")).containsText("tuned: lr", TUNE_WAIT);
        assertThat(page.getByTestId("tuned-gd")).containsText("best of 37 settings");
        double lr = Double.parseDouble(page.locator("#p-gd-lr").inputValue());
        assertThat(lr).isBetween(0.15, 0.2);
        assertThat(page.getByTestId("tuned-momentum")).containsText("5/5 runs converged");
        // The link keeps the tuned settings, and the race runs at them.
        assertThat(page).hasURL(Pattern.compile("gd\\.lr=0\\.1[5-9]"));
        assertThat(page.getByTestId("status-gd")).containsText("converged", TUNE_WAIT);
        assertThat(page.getByTestId("tune-progress-text")).containsText("100 %");

        // Changing a tuned setting by hand takes the note away: it no longer describes the racer.
        Locator gdLr = page.locator("#p-gd-lr");
        gdLr.fill("0.05");
        gdLr.press("Enter");
        assertThat(page.getByTestId("tuned-gd")).hasCount(0);
        assertThat(page.getByTestId("tuned-momentum")).hasCount(1);
    }

    @Test
    void tuningLearningRateAndMomentumChoosesBoth() {
        Page page = desktop("/?surface=bowl&optimizers=momentum");
        assertThat(page.getByTestId("loss-momentum")).not().isEmpty();
        page.getByTestId("tune-scope").selectOption("lr,momentum");
        assertThat(page.locator("#tune-note")).containsText("7 values of μ");
        page.getByTestId("tune-all").click();
        assertThat(page.getByTestId("tuned-momentum")).containsText("momentum", TUNE_WAIT);
        assertThat(page.getByTestId("tuned-momentum")).containsText("best of 133 settings");
        assertThat(page).hasURL(Pattern.compile("momentum\\.momentum="));
    }

    @Test
    void tooManyStepsToTuneIsSaidBeforeAnythingRuns() {
        Page page = desktop("/?surface=bowl&optimizers=gd&steps=20000");
        assertThat(page.getByTestId("loss-gd")).not().isEmpty();
        page.getByTestId("tune-all").click();
        assertThat(page.getByTestId("tune-error")).hasText("Tuning runs at most 5000 steps per racer; lower Max steps to tune.");
        assertThat(page.locator("#tune-job")).isHidden();
    }
}
