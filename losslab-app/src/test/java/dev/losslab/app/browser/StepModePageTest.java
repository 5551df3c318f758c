package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step mode (issue 6) in a real browser: pressing Step shows the legend of the arrows drawn at
 * each ball and a readout whose update θ₂ − θ₁ is the API's, and hovering the ball's trail point
 * shows the same numbers. Fails on any console or page error ({@link BrowserTest}).
 */
class StepModePageTest extends BrowserTest {

    private static final String BOWL = "/?surface=bowl&start=-3.5,2.5&optimizers=momentum,adam";
    /**
     * How much of the loss chart's width the racers' curves cover, as a person sees it: the span
     * between the leftmost and rightmost saturated pixel (the racer colours; the axes, grid and
     * labels are grey), over the canvas' width.
     */
    private static final String CURVE_WIDTH = """
            (c) => {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let lo = Infinity, hi = -Infinity;
              for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) {
                const k = (y * c.width + x) * 4;
                if (d[k + 3] > 128 && Math.max(d[k], d[k + 1], d[k + 2]) - Math.min(d[k], d[k + 1], d[k + 2]) > 60) {
                  if (x < lo) lo = x;
                  if (x > hi) hi = x;
                }
              }
              return hi >= lo ? (hi - lo + 1) / c.width : 0;
            }""";

    @Test
    void twoStepsShowTheArrowsLegendAndTheAPIsUpdate() throws Exception {
        Page page = desktop(BOWL);
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3"); // f(−3.5, 2.5) = 37.375: loaded
        pressStep(page, 1, 2);
        assertThat(page.getByTestId("step-readout-adam")).containsText("step 2");

        Locator legend = page.getByTestId("step-legend");
        assertThat(legend).isVisible();
        for (String name : List.of("update θₖ − θₖ₋₁", "to scale", "−∇f", "−b (momentum buffer)",
                "−m̂ (Adam’s first moment)", "√v̂ per axis (box)")) {
            assertThat(legend).containsText(name);
        }

        JsonNode race = JSON.readTree(lab.post("/api/race", """
                {"surface": "bowl", "start": [-3.5, 2.5], "steps": 1000, "internals": true,
                 "racers": [{"optimizer": "momentum"}, {"optimizer": "adam"}]}"""));
        for (int r = 0; r < 2; r++) {
            JsonNode run = race.get("runs").get(r);
            String name = run.get("spec").get("optimizer").asText();
            JsonNode p1 = run.get("points").get(1), p2 = run.get("points").get(2);
            double dx = p2.get("x").asDouble() - p1.get("x").asDouble();
            double dy = p2.get("y").asDouble() - p1.get("y").asDouble();
            Locator update = page.getByTestId("step-update-" + name);
            assertThat(Double.parseDouble(update.getAttribute("data-dx"))).as(name + " Δx").isCloseTo(dx, within(1e-12));
            assertThat(Double.parseDouble(update.getAttribute("data-dy"))).as(name + " Δy").isCloseTo(dy, within(1e-12));
            // the readout shows the API's internals for that point too
            JsonNode internals = p2.get("internals");
            String first = internals.fieldNames().next();
            assertThat(page.getByTestId("step-readout-" + name)).containsText(first + " (");

            // hovering the ball's trail point: the tooltip has the same update
            double px = Double.parseDouble(update.getAttribute("data-ball-px"));
            double py = Double.parseDouble(update.getAttribute("data-ball-py"));
            page.getByTestId("canvas").hover(new Locator.HoverOptions().setPosition(px, py));
            Locator tip = page.getByTestId("step-tooltip");
            assertThat(tip).isVisible();
            assertThat(tip).containsText("step 2");
            assertThat(tip).containsText("loss");
            assertThat(tip).containsText("∇f");
            if (tip.textContent().startsWith(name)) {
                assertThat(Double.parseDouble(tip.getAttribute("data-dx"))).isCloseTo(dx, within(1e-12));
                assertThat(Double.parseDouble(tip.getAttribute("data-dy"))).isCloseTo(dy, within(1e-12));
            }
        }
        screenshot(page, "desktop-bowl-step-mode.png");
    }

    /**
     * Issue 14: with several racers the map takes apart one racer's step at a time (the first, until
     * another is picked), and the legend says where the race is paused.
     */
    @Test
    void severalRacersShowOneRacersArrowsAtATimeAndThePauseIsSaid() {
        Page page = desktop(BOWL);
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        pressStep(page, 1, 2);
        assertThat(page.getByTestId("step-title")).hasText("Step mode · paused at step 2");
        Locator canvas = page.getByTestId("canvas");
        // momentum's step at 2: the update, −∇f and −b
        assertThat(canvas).hasAttribute("data-step-arrows", "3");
        assertThat(page.getByTestId("step-pick-momentum")).hasAttribute("aria-pressed", "true");
        page.getByTestId("step-pick-adam").click();
        assertThat(page.getByTestId("step-pick-adam")).hasAttribute("aria-pressed", "true");
        // Adam's: the update, −∇f, −m̂ and the √v̂ box
        assertThat(canvas).hasAttribute("data-step-arrows", "4");
        pressStep(page, 3, 3);
        assertThat(page.getByTestId("step-title")).hasText("Step mode · paused at step 3");
        assertThat(page.getByTestId("step-pick-adam")).hasAttribute("aria-pressed", "true");
        screenshot(page, "desktop-bowl-step-mode-adam.png");
    }

    @Test
    void theLossChartShowsEveryStepTakenSoFar() {
        Page page = desktop(BOWL);
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        pressStep(page, 1, 2);
        Locator chart = page.getByTestId("chart");
        // steps 0, 1 and 2 of both racers
        assertThat(chart).hasAttribute("data-points", "6");
        assertThat(curveWidth(chart)).as("share of the chart's width the two steps' curves cover").isGreaterThan(0.25);

        pressStep(page, 3, 6);
        assertThat(chart).hasAttribute("data-points", "14");
        assertThat(curveWidth(chart)).as("share of the chart's width the six steps' curves cover").isGreaterThan(0.25);
        screenshot(page, "desktop-bowl-step-mode-chart.png");
    }

    @Test
    void resetLeavesStepModeAndRunPlaysAsUsual() {
        Page page = desktop(BOWL);
        Locator canvas = page.getByTestId("canvas");
        Locator legend = page.getByTestId("step-legend");
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        assertThat(canvas).hasAttribute("data-step-arrows", "0");
        pressStep(page, 1, 2);
        assertThat(canvas).not().hasAttribute("data-step-arrows", "0");

        page.getByTestId("reset").click();
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        assertThat(legend).isHidden();
        assertThat(page.getByTestId("step-readout-momentum")).isHidden();
        assertThat(page.getByTestId("step-readout-adam")).isHidden();
        assertThat(canvas).hasAttribute("data-step-arrows", "0");
        assertThat(page.getByTestId("chart")).hasAttribute("data-points", "2");

        // Run plays the whole race, without step mode
        raceToTheEnd(page, List.of("momentum", "adam"));
        assertThat(legend).isHidden();
        assertThat(canvas).hasAttribute("data-step-arrows", "0");
        assertThat(curveWidth(page.getByTestId("chart"))).as("the whole race fills the chart").isGreaterThan(0.8);

        // and after another Reset, Step starts step mode again from the first step
        page.getByTestId("reset").click();
        assertThat(legend).isHidden();
        pressStep(page, 1, 1);
        assertThat(legend).isVisible();
        assertThat(canvas).not().hasAttribute("data-step-arrows", "0");
    }

    @Test
    void quickClicksWhileTheRaceLoadsEachTakeAStep() {
        Page page = desktop(BOWL);
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        // Three clicks in one go, before the race's answer can arrive (Playwright's own clicks would
        // wait for each other): each one counts.
        page.getByTestId("step").evaluate("b => { b.click(); b.click(); b.click(); }");
        assertThat(page.getByTestId("step-readout-momentum")).containsText("step 3");
        assertThat(page.getByTestId("step-momentum")).hasText("3");
    }

    /**
     * Presses Step once for each of the steps first..last, each time waiting for momentum's
     * readout to reach it, so each assertion reads the step it expects.
     */
    private static void pressStep(Page page, int first, int last) {
        for (int k = first; k <= last; k++) {
            page.getByTestId("step").click();
            assertThat(page.getByTestId("step-readout-momentum")).containsText("step " + k);
        }
    }

    private static double curveWidth(Locator chart) {
        return ((Number) chart.evaluate(CURVE_WIDTH)).doubleValue();
    }
}
