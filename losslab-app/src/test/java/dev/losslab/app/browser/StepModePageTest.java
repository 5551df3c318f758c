package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
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
}
