package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Step mode (issue 6) in a real browser: pressing Step shows the legend of the arrows drawn at
 * each ball and a readout whose update θ₂ − θ₁ is the API's, and hovering the ball's trail point
 * shows the same numbers. Fails on any console or page error, like {@link LabPageTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepModePageTest {

    private static final String BOWL = "/?surface=bowl&start=-3.5,2.5&optimizers=momentum,adam";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STOPPED = Pattern.compile("converged|diverged|max-steps|singular-hessian|left-domain");
    private static final LocatorAssertions.HasAttributeOptions RACE_WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
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

    @Test
    void twoStepsShowTheArrowsLegendAndTheAPIsUpdate() throws Exception {
        Page page = lab.open(BOWL, 1440, 900, false);
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3"); // f(−3.5, 2.5) = 37.375: loaded
        page.getByTestId("step").click();
        assertThat(page.getByTestId("step-readout-momentum")).containsText("step 1");
        page.getByTestId("step").click();
        assertThat(page.getByTestId("step-readout-momentum")).containsText("step 2");
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
        page.screenshot(new Page.ScreenshotOptions().setPath(LabBrowser.SCREENSHOTS.resolve("desktop-bowl-step-mode.png")));
    }

    @Test
    void theLossChartShowsEveryStepTakenSoFar() {
        Page page = lab.open(BOWL, 1440, 900, false);
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        for (int k = 1; k <= 2; k++) {
            page.getByTestId("step").click();
            assertThat(page.getByTestId("step-readout-momentum")).containsText("step " + k);
        }
        Locator chart = page.getByTestId("chart");
        // steps 0, 1 and 2 of both racers
        assertThat(chart).hasAttribute("data-points", "6");
        assertThat(curveWidth(chart)).as("share of the chart's width the two steps' curves cover").isGreaterThan(0.25);

        for (int k = 3; k <= 6; k++) {
            page.getByTestId("step").click();
            assertThat(page.getByTestId("step-readout-momentum")).containsText("step " + k);
        }
        assertThat(chart).hasAttribute("data-points", "14");
        assertThat(curveWidth(chart)).as("share of the chart's width the six steps' curves cover").isGreaterThan(0.25);
        page.screenshot(new Page.ScreenshotOptions().setPath(LabBrowser.SCREENSHOTS.resolve("desktop-bowl-step-mode-chart.png")));
    }

    @Test
    void resetLeavesStepModeAndRunPlaysAsUsual() {
        Page page = lab.open(BOWL, 1440, 900, false);
        Locator canvas = page.getByTestId("canvas");
        Locator legend = page.getByTestId("step-legend");
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        assertThat(canvas).hasAttribute("data-step-arrows", "0");
        for (int k = 1; k <= 2; k++) {
            page.getByTestId("step").click();
            assertThat(page.getByTestId("step-readout-momentum")).containsText("step " + k);
        }
        assertThat(canvas).not().hasAttribute("data-step-arrows", "0");

        page.getByTestId("reset").click();
        assertThat(page.getByTestId("loss-momentum")).containsText("37.3");
        assertThat(legend).isHidden();
        assertThat(page.getByTestId("step-readout-momentum")).isHidden();
        assertThat(page.getByTestId("step-readout-adam")).isHidden();
        assertThat(canvas).hasAttribute("data-step-arrows", "0");
        assertThat(page.getByTestId("chart")).hasAttribute("data-points", "2");

        // Run plays the whole race, without step mode
        page.locator("#speed").fill("8");
        page.getByTestId("run").click();
        for (String name : List.of("momentum", "adam")) {
            assertThat(page.getByTestId("status-" + name)).hasAttribute("data-reason", STOPPED, RACE_WAIT);
        }
        assertThat(legend).isHidden();
        assertThat(canvas).hasAttribute("data-step-arrows", "0");
        assertThat(curveWidth(page.getByTestId("chart"))).as("the whole race fills the chart").isGreaterThan(0.8);

        // and after another Reset, Step starts step mode again from the first step
        page.getByTestId("reset").click();
        assertThat(legend).isHidden();
        page.getByTestId("step").click();
        assertThat(page.getByTestId("step-readout-momentum")).containsText("step 1");
        assertThat(legend).isVisible();
        assertThat(canvas).not().hasAttribute("data-step-arrows", "0");
    }

    private static double curveWidth(Locator chart) {
        return ((Number) chart.evaluate(CURVE_WIDTH)).doubleValue();
    }
}
