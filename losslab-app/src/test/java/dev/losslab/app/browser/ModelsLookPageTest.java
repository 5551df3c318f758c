package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The models page's "Look at the loss" (issue 17) in a real browser: after Train, "Slice the loss"
 * draws the loss on a plane through a racer's final weights with every racer's projected path,
 * and says what a projected path is; "Hessian spectrum" draws the eigenvalues there and says in
 * words what they mean. What a person reads is checked against what the race itself shows (the
 * centre's loss is the racer's trained loss in the race's table). Screenshots at 1280×900,
 * 1024×768 and 390×844 go to {@link LabBrowser#SCREENSHOTS}.
 */
class ModelsLookPageTest extends BrowserTest {

    private static final LocatorAssertions.HasAttributeOptions TRAIN_WAIT = new LocatorAssertions.HasAttributeOptions().setTimeout(90_000);
    private static final LocatorAssertions.IsVisibleOptions LOOK_WAIT = new LocatorAssertions.IsVisibleOptions().setTimeout(90_000);
    private static final LocatorAssertions.ContainsTextOptions TEXT_WAIT = new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    /** Opens the page, trains its race to the end and returns the page. */
    private Page trained(String query, int width, int height, boolean touch, String lastRacer) {
        Page page = lab.open("/models" + query, width, height, touch);
        assertThat(id(page, "racers").locator("li")).not().hasCount(0);
        assertThat(id(page, "slice")).isDisabled();
        assertThat(id(page, "look-hint")).containsText("Train first");
        id(page, "train").click();
        assertThat(id(page, "legend-" + lastRacer)).hasAttribute("data-stop", "max-steps", TRAIN_WAIT);
        assertThat(id(page, "slice")).isEnabled();
        return page;
    }

    @Test
    void theSliceShowsEveryPathAroundTheChosenRacerAndTheSpectrumSaysWhatItIs() {
        Page page = trained("?steps=300", 1280, 900, false, "adam");
        id(page, "look-racer").selectOption("adam");
        id(page, "slice").click();
        assertThat(id(page, "slice-figure")).isVisible(LOOK_WAIT);
        assertThat(id(page, "look-status")).containsText("Done: a 41×41 slice of the 2-16-16-1 network (337 weights) around adam");
        assertThat(id(page, "slice-map")).hasAttribute("data-paths", "3");
        assertThat(id(page, "slice-plane")).containsText("closest to the paths of sgd, momentum, adam");
        assertThat(id(page, "shadow-note")).containsText("a projected path is a shadow: the loss along the real path (curve) "
                + "and over the plane (map) differ — residual shown", new LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
        // the centre is adam's trained point: its loss is the race table's, and it lies on the plane
        String trainedLoss = id(page, "loss-adam").textContent().strip();
        assertThat(id(page, "slice-loss-adam")).hasText(trainedLoss);
        assertThat(id(page, "slice-plane-loss-adam")).hasText(trainedLoss);
        assertThat(id(page, "slice-residual-adam")).hasText("0");
        assertThat(Double.parseDouble(id(page, "slice-residual-sgd").textContent())).isPositive();
        // pointing at the middle of the map reads the loss at α = β = 0, adam's trained loss again
        String[] plot = id(page, "slice-map").getAttribute("data-plot").split(",");
        double cx = Double.parseDouble(plot[0]) + Double.parseDouble(plot[2]) / 2;
        double cy = Double.parseDouble(plot[1]) + Double.parseDouble(plot[3]) / 2;
        id(page, "slice-map").hover(new Locator.HoverOptions().setPosition(cx, cy));
        assertThat(id(page, "slice-readout")).hasText("α 0, β 0: loss on the plane " + trainedLoss);
        // the paths keep at most 201 points each (PathRecorder): steps 0, 2, …, 300
        assertThat(Integer.parseInt(id(page, "path-chart").getAttribute("data-points"))).as("3 racers × 2 curves × 151 points")
                .isEqualTo(3 * 2 * 151);
        screenshot(page.locator("#look"), "models-1280-slice.png");

        id(page, "spectrum").click();
        assertThat(id(page, "spectrum-figure")).isVisible(LOOK_WAIT);
        assertThat(id(page, "spectrum-index")).containsText(Pattern.compile("(\\d+ of 337 eigenvalues (is|are) negative: a saddle"
                + "|None of the 337 eigenvalues is negative|All 337 eigenvalues are positive)"));
        assertThat(id(page, "spectrum-sharpness")).containsText("against 2/lr = 200");
        assertThat(Integer.parseInt(id(page, "spectrum-chart").getAttribute("data-bins"))).isGreaterThan(3);
        assertNoHorizontalScroll(page);
        screenshot(page.locator("#look"), "models-1280-look.png");
        screenshot(page, "models-1280-look-page.png", true);

        // a new Train puts away what belonged to the old race
        id(page, "train").click();
        assertThat(id(page, "slice-figure")).isHidden();
        assertThat(id(page, "spectrum-figure")).isHidden();
        assertThat(id(page, "slice")).isDisabled();
        assertThat(id(page, "legend-adam")).hasAttribute("data-stop", "max-steps", TRAIN_WAIT);
    }

    @Test
    void aTooLargeGridIsSaidNextToItAndCancelStopsTheSliceOnTheServer() throws Exception {
        Page page = trained("?data=digits&hidden=32&steps=100&racers=adam", 1024, 768, false, "adam");
        id(page, "look-size").fill("101");
        id(page, "slice").click();
        assertThat(id(page, "look-size-message")).containsText("a 101×101 slice of the 64-32-10 network (2,410 parameters)", TEXT_WAIT);
        allowFailedLoad(400, "/api/jobs");
        id(page, "look-size").fill("61");
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"),
                () -> id(page, "slice").click());
        String jobId = JSON.readTree(created.text()).get("id").asText();
        assertThat(id(page, "look-cancel")).isVisible();
        id(page, "look-cancel").click();
        assertThat(id(page, "look-status")).containsText("Cancelled", TEXT_WAIT);
        JsonNode job = JSON.readTree(lab.get("/api/jobs/" + jobId));
        assertThat(job.get("state").asText()).as("the server stopped the slice").isEqualTo("cancelled");
        assertThat(id(page, "slice")).isEnabled();
        // beyond 2,000 parameters the spectrum is the top eigenvalues, and it says why
        id(page, "spectrum").click();
        assertThat(id(page, "spectrum-figure")).isVisible(LOOK_WAIT);
        assertThat(id(page, "spectrum-index")).containsText("has 2,410 parameters");
        assertThat(id(page, "spectrum-index")).containsText("top 10 eigenvalues, found by Lanczos");
        // a small grid is quick: one racer, one path, a random plane of the seed's directions
        id(page, "look-size").fill("15");
        id(page, "look-plane").selectOption("random");
        id(page, "slice").click();
        assertThat(id(page, "slice-figure")).isVisible(LOOK_WAIT);
        assertThat(id(page, "slice-map")).hasAttribute("data-paths", "1");
        assertThat(id(page, "slice-plane")).containsText("random (seed 0), filter-normalised, biases 0");
        assertThat(id(page, "look-status")).containsText("Done: a 15×15 slice of the 64-32-10 network");
        assertNoHorizontalScroll(page);
        screenshot(page, "models-1024-look.png", true);
    }

    @Test
    void onAPhoneTheSliceAndTheSpectrumFit() {
        Page page = trained("?steps=200", 390, 844, true, "adam");
        id(page, "slice").click();
        assertThat(id(page, "slice-figure")).isVisible(LOOK_WAIT);
        id(page, "spectrum").click();
        assertThat(id(page, "spectrum-figure")).isVisible(LOOK_WAIT);
        assertNoHorizontalScroll(page);
        Object fits = page.evaluate("() => [...document.querySelectorAll('#look canvas, #look table')].every(e =>"
                + " e.getBoundingClientRect().right <= document.querySelector('#look').getBoundingClientRect().right + 0.5)");
        assertThat(fits).as("the pictures and the table stay inside the panel").isEqualTo(true);
        screenshot(page.locator("#look"), "models-390-look.png");
    }
}
