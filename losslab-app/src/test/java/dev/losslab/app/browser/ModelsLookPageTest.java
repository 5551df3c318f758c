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
    void aDivergedRacersSliceSaysItIsCentredOnItsLastFiniteWeights() {
        // least squares with lr 5: sgd's weights grow geometrically until its loss overflows
        Page page = trained("?model=linear&loss=mse&steps=2000&racers=sgd,adam&sgd.lr=5&adam.lr=0.05", 1280, 900, false, "adam");
        assertThat(id(page, "legend-sgd")).hasAttribute("data-stop", "diverged");
        id(page, "look-racer").selectOption("sgd");
        id(page, "look-size").fill("11");
        id(page, "slice").click();
        assertThat(id(page, "slice-figure")).isVisible(LOOK_WAIT);
        assertThat(id(page, "slice-plane")).containsText(Pattern.compile(
                "is sgd's last weights with a finite loss \\(step \\d+; it diverged after them\\)"));
        assertThat(id(page, "slice-plane")).not().containsText("final weights");
        assertThat(id(page, "slice-figure").locator("figcaption")).hasText("The loss on a plane through sgd's last finite weights");
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

    /**
     * Pointing off the centre reads the grid point under the pointer: α across, β up (a transposed
     * or flipped index reads another point's loss), checked against the job's own answer.
     */
    @Test
    void pointingAtTheSliceReadsTheLossOfTheGridPointUnderThePointer() throws Exception {
        Page page = trained("?steps=50&racers=adam", 1280, 900, false, "adam");
        id(page, "look-size").fill("15");
        Response done = page.waitForResponse(r -> r.url().matches(".*/api/jobs/[^/]+$") && r.request().method().equals("GET")
                && r.text().contains("\"state\":\"done\""), () -> id(page, "slice").click());
        JsonNode slice = JSON.readTree(done.text()).get("result");
        assertThat(id(page, "slice-figure")).isVisible(LOOK_WAIT);
        int i = 10, j = 3; // α_10 right of the centre, β_3 below it
        double alpha = slice.get("alpha").get(i).asDouble(), beta = slice.get("alpha").get(j).asDouble();
        double loss = slice.get("loss").get(j).get(i).asDouble();
        assertThat(Math.abs(loss - slice.get("loss").get(i).get(j).asDouble())).as("the transposed point reads otherwise")
                .isGreaterThan(1e-3 * loss);
        String[] w = id(page, "slice-map").getAttribute("data-window").split(",");
        String[] plot = id(page, "slice-map").getAttribute("data-plot").split(",");
        double x0 = Double.parseDouble(w[0]), x1 = Double.parseDouble(w[1]), y0 = Double.parseDouble(w[2]), y1 = Double.parseDouble(w[3]);
        double x = Double.parseDouble(plot[0]) + (alpha - x0) / (x1 - x0) * Double.parseDouble(plot[2]);
        double y = Double.parseDouble(plot[1]) + (1 - (beta - y0) / (y1 - y0)) * Double.parseDouble(plot[3]);
        id(page, "slice-map").hover(new Locator.HoverOptions().setPosition(x, y));
        assertThat(id(page, "slice-readout")).containsText("loss on the plane");
        java.util.regex.Matcher m = Pattern.compile("α (\\S+), β (\\S+): loss on the plane (\\S+)")
                .matcher(id(page, "slice-readout").textContent());
        assertThat(m.find()).as(id(page, "slice-readout").textContent()).isTrue();
        // α and β are shown to 3 digits, the loss to 4
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(alpha, org.assertj.core.api.Assertions.within(5e-3 * Math.abs(alpha)));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(beta, org.assertj.core.api.Assertions.within(5e-3 * Math.abs(beta)));
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(loss, org.assertj.core.api.Assertions.within(1e-3 * loss));
    }

    /**
     * A look whose answer is on its way when Train is pressed again belongs to the old race: it is
     * not drawn over the new one (the answer is held until the new race has started).
     */
    @Test
    void aLookAnsweredAfterANewTrainIsNotDrawn() throws Exception {
        Page page = trained("?steps=50&racers=adam", 1280, 900, false, "adam");
        id(page, "look-size").fill("15");
        java.util.List<com.microsoft.playwright.Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.route(Pattern.compile(".*/api/jobs/[^/]+$"), route -> {
            if (route.request().method().equals("GET")) {
                held.add(route);
            } else {
                route.resume();
            }
        });
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"),
                () -> id(page, "slice").click());
        String jobId = JSON.readTree(created.text()).get("id").asText();
        page.waitForCondition(() -> !held.isEmpty());
        // the slice is done on the server; the page has not heard yet
        for (int tries = 0; !lab.get("/api/jobs/" + jobId).contains("\"state\":\"done\""); tries++) {
            assertThat(tries).as("the slice job ends").isLessThan(600);
            Thread.sleep(100);
        }
        page.unroute(Pattern.compile(".*/api/jobs/[^/]+$"));
        id(page, "train").click();
        assertThat(id(page, "slice")).isDisabled();
        for (com.microsoft.playwright.Route r : held) {
            r.resume();
        }
        assertThat(id(page, "legend-adam")).hasAttribute("data-stop", "max-steps", TRAIN_WAIT);
        page.waitForCondition(() -> !"running".equals(page.locator("#look-job").getAttribute("data-state")));
        assertThat(id(page, "slice-figure")).isHidden();
        assertThat(id(page, "look-status")).not().containsText("Done");
    }
}
