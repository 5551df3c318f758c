package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The charts under the racers, in a real browser: the schedule chart (each racer's learning rate,
 * and the momentum a one-cycle schedule cycles) appears only when some schedule is not constant,
 * and its readout shows the API's numbers; the loss chart's bottom axis can count f or ∇f
 * evaluations instead of steps, which moves each curve to its own running count, and the URL keeps
 * the choice. Fails on any console or page error ({@link BrowserTest}).
 */
class ChartsPageTest extends BrowserTest {

    /** Momentum SGD under one-cycle (which also cycles μ) beside plain GD, 300 steps from Himmelblau's maximum. */
    private static final String ONE_CYCLE =
            "/?surface=himmelblau&start=0,0&optimizers=momentum,gd&steps=300&momentum.schedule=one-cycle";
    private static final String ONE_CYCLE_BODY = """
            {"surface": "himmelblau", "start": [0, 0], "steps": 300,
             "racers": [{"optimizer": "momentum", "schedule": {"name": "one-cycle"}}, {"optimizer": "gd"}]}""";
    private static final String BFGS = "/?surface=himmelblau&start=0,0&optimizers=gd,bfgs";
    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);
    private static final Pattern AT_STEP = Pattern.compile("At step (\\d+)");

    /**
     * The rightmost device-pixel column of a canvas where the colour (r, g, b) is drawn (each
     * channel within 24, mostly opaque), in CSS pixels from the canvas' left edge; -1 if nowhere.
     */
    private static final String RIGHTMOST = """
            (c, [r, g, b]) => {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let hi = -1;
              for (let y = 0; y < c.height; y++) for (let x = hi + 1; x < c.width; x++) {
                const k = (y * c.width + x) * 4;
                if (d[k + 3] > 200 && Math.abs(d[k] - r) < 24 && Math.abs(d[k + 1] - g) < 24 && Math.abs(d[k + 2] - b) < 24) hi = x;
              }
              return hi < 0 ? -1 : (hi + 0.5) * c.clientWidth / c.width;
            }""";

    private static double value(Locator cell) {
        return Double.parseDouble(cell.getAttribute("data-value"));
    }

    private static JsonNode point(JsonNode run, int step) {
        return run.get("points").get(step);
    }

    @Test
    void aOneCycleRacerGetsAScheduleChartWhoseReadoutIsTheAPIs() throws Exception {
        Page page = desktop(ONE_CYCLE);
        assertThat(id(page, "loss-momentum")).hasText("170");
        Locator schedule = id(page, "schedule");
        // the schedule is chosen: the chart is there before the race, waiting for it
        assertThat(schedule).isVisible();
        raceToTheEnd(page, List.of("momentum", "gd"));
        Locator canvas = id(page, "schedule-chart");
        assertThat(canvas).hasAttribute("data-scale", "log"); // one-cycle's lr spans 0.0004 … 0.01 … 4e-8
        assertThat(canvas).hasAttribute("data-momentum", "true");
        assertThat(schedule.locator("h3")).hasText("Learning rate and momentum");
        assertThat(schedule).containsText("momentum: one-cycle, which also cycles μ");

        JsonNode race = JSON.readTree(lab.post("/api/race", ONE_CYCLE_BODY));
        JsonNode momentum = race.get("runs").get(0), gd = race.get("runs").get(1);
        Locator readout = id(page, "chart-readout");
        readout.focus();
        page.keyboard().press("Home");
        for (int i = 0; i < 5; i++) {
            page.keyboard().press("Shift+ArrowRight");
        }
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        assertThat(readout).containsText("At step 52");
        assertThat(readout).hasAttribute("aria-valuenow", "52");
        assertThat(value(id(page, "at-lr-momentum"))).as("momentum's lr at step 52")
                .isCloseTo(point(momentum, 52).get("lr").asDouble(), within(1e-15));
        assertThat(value(id(page, "at-momentum-momentum"))).as("momentum's μ at step 52")
                .isCloseTo(point(momentum, 52).get("momentum").asDouble(), within(1e-15));
        assertThat(id(page, "at-momentum-momentum")).hasText(Pattern.compile("μ 0\\.(8[5-9]|9[0-5])\\d*")); // between its base 0.85 and max 0.95
        assertThat(value(id(page, "at-lr-gd"))).isEqualTo(point(gd, 52).get("lr").asDouble());
        assertThat(id(page, "at-momentum-gd")).hasCount(0); // GD's schedule cycles nothing

        // pointing at the chart reads the step under the pointer, and the readout names it
        BoundingBox box = canvas.boundingBox();
        canvas.hover(new Locator.HoverOptions().setPosition(52 + (box.width - 64) * 0.5, box.height * 0.4));
        assertThat(readout).containsText(Pattern.compile("At step 1[45]\\d"));
        Matcher at = AT_STEP.matcher(readout.textContent());
        assertThat(at.find()).isTrue();
        int k = Integer.parseInt(at.group(1));
        assertThat(value(id(page, "at-lr-momentum"))).as("momentum's lr at step " + k)
                .isCloseTo(point(momentum, k).get("lr").asDouble(), within(1e-15));
        assertThat(id(page, "at-lr-momentum")).hasText(Pattern.compile("lr 0\\.00\\d+"));
        screenshot(page.locator(".chart-panel"), "desktop-one-cycle-charts.png");
    }

    @Test
    void constantSchedulesDrawNoScheduleChart() {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        assertThat(id(page, "schedule")).isHidden();
        raceToTheEnd(page, RACERS);
        assertThat(id(page, "schedule")).isHidden();
        // the readout reads the loss chart alone, and says no lr
        Locator readout = id(page, "chart-readout");
        assertThat(readout).isVisible();
        assertThat(id(page, "at-loss-adam")).containsText("loss");
        assertThat(page.locator("[data-testid^='at-lr-']")).hasCount(0);

        // choosing a schedule brings the chart in, back to constant takes it away
        page.locator("[aria-controls=settings-adam]").click();
        page.locator("#p-adam-schedule").selectOption("cosine");
        assertThat(id(page, "schedule")).isVisible();
        assertThat(page).hasURL(Pattern.compile("adam\\.schedule=cosine"));
        page.locator("#p-adam-schedule").selectOption("constant");
        assertThat(id(page, "schedule")).isHidden();
    }

    @Test
    void aLinkWithAnUnknownScheduleLoadsAndRunSaysWhichIsWrong() {
        Page page = desktop(HIMMELBLAU_RACE + "&adam.schedule=nope");
        assertThat(id(page, "loss-adam")).hasText("170");
        id(page, "run").click();
        assertThat(page.locator("#race-error")).containsText("adam: unknown schedule 'nope'");
        allowFailedLoad(400, "/api/race");
    }

    @Test
    void fEvaluationsAlongTheBottomMoveBfgsToItsOwnCount() throws Exception {
        Page page = desktop(BFGS);
        assertThat(id(page, "loss-bfgs")).hasText("170");
        raceToTheEnd(page, List.of("gd", "bfgs"));
        JsonNode race = JSON.readTree(lab.post("/api/race", """
                {"surface": "himmelblau", "start": [0, 0], "racers": [{"optimizer": "gd"}, {"optimizer": "bfgs"}]}"""));
        JsonNode gd = race.get("runs").get(0), bfgs = race.get("runs").get(1);
        int gdSteps = gd.get("stop").get("step").asInt(), bfgsSteps = bfgs.get("stop").get("step").asInt();
        int gdEvals = point(gd, gdSteps).get("fEvals").asInt(), bfgsEvals = point(bfgs, bfgsSteps).get("fEvals").asInt();
        // BFGS's line searches cost more than one evaluation per step, GD's steps one each
        assertThat(bfgsEvals).isGreaterThan(bfgsSteps + 1);
        assertThat(gdEvals).isEqualTo(gdSteps + 1);

        Locator chart = id(page, "chart");
        int[] color = rgb(palette().path("racers").path("colors").path("bfgs").asText());
        double plotWidth = chart.boundingBox().width - 52 - 12;
        assertThat(rightmost(chart, color)).as("bfgs's last point by steps")
                .isCloseTo(52 + plotWidth * bfgsSteps / gdSteps, within(3.0));

        page.getByText("f evals", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("[?&]chart-x=f-evals(&|$)"));
        assertThat(id(page, "chart-x").getByLabel("f evals", EXACT)).isChecked();
        assertThat(page.locator("#chart-h")).hasText(Pattern.compile("Loss per f evaluation"));
        assertThat(rightmost(chart, color)).as("bfgs's last point by f evaluations")
                .isCloseTo(52 + plotWidth * bfgsEvals / gdEvals, within(3.0));
        // the readout at the end says the same, in words
        id(page, "chart-readout").focus();
        page.keyboard().press("End");
        assertThat(id(page, "chart-readout")).containsText("At " + gdEvals + " f evals");
        assertThat(id(page, "at-where-bfgs")).hasText("step " + bfgsSteps + ", " + bfgsEvals + " f evals");
        assertThat(id(page, "at-where-bfgs")).hasAttribute("data-value", String.valueOf(bfgsEvals));
        screenshot(page.locator(".chart-panel"), "desktop-bfgs-f-evals.png");

        // the choice survives a reload, and steps (the default) leaves the URL without it
        page.reload();
        assertThat(id(page, "chart-x").getByLabel("f evals", EXACT)).isChecked();
        assertThat(page.locator("#chart-h")).hasText(Pattern.compile("Loss per f evaluation"));
        id(page, "chart-x").getByLabel("steps", EXACT).check();
        assertThat(page).not().hasURL(Pattern.compile("chart-x"));
    }

    @Test
    void inStepModeTheScheduleFollowsTheStepsTaken() throws Exception {
        Page page = desktop(ONE_CYCLE);
        assertThat(id(page, "loss-momentum")).hasText("170");
        for (int k = 1; k <= 3; k++) {
            id(page, "step").click();
            assertThat(id(page, "step-momentum")).hasText(String.valueOf(k));
        }
        Locator readout = id(page, "chart-readout");
        assertThat(readout).containsText("Now, step 3");
        JsonNode momentum = JSON.readTree(lab.post("/api/race", ONE_CYCLE_BODY)).get("runs").get(0);
        assertThat(value(id(page, "at-lr-momentum"))).isCloseTo(point(momentum, 3).get("lr").asDouble(), within(1e-15));
        // the step axis ends at 5 (three steps taken): the lr line covers three fifths of the plot
        Locator canvas = id(page, "schedule-chart");
        int[] color = rgb(palette().path("racers").path("colors").path("momentum").asText());
        double plotWidth = canvas.boundingBox().width - 52 - 12;
        assertThat(rightmost(canvas, color)).isCloseTo(52 + plotWidth * 3 / 5, within(3.0));
    }

    @Test
    void atPhoneWidthTheChartsFitAndTheChoiceIsTappable() {
        Page page = phone(ONE_CYCLE + "&chart-x=g-evals");
        assertThat(id(page, "loss-momentum")).hasText("170");
        raceToTheEnd(page, List.of("momentum", "gd"));
        assertThat(id(page, "schedule")).isVisible();
        assertThat(id(page, "chart-x").getByLabel("∇f evals", EXACT)).isChecked();
        id(page, "chart-x").getByText("steps").tap();
        assertThat(id(page, "chart-x").getByLabel("steps", EXACT)).isChecked();
        // a tap on the schedule chart reads that step, and the reading stays after the finger lifts
        Locator canvas = id(page, "schedule-chart");
        canvas.scrollIntoViewIfNeeded();
        BoundingBox box = canvas.boundingBox();
        canvas.tap(new Locator.TapOptions().setPosition(52 + (box.width - 64) * 0.5, box.height * 0.4));
        Locator readout = id(page, "chart-readout");
        assertThat(readout).containsText(Pattern.compile("At step 1[45]\\d"));
        assertThat(id(page, "at-lr-momentum")).containsText("lr ");
        assertNoHorizontalScroll(page);
        page.locator(".chart-panel").scrollIntoViewIfNeeded();
        screenshot(page.locator(".chart-panel"), "phone-one-cycle-charts.png");
        // a tap elsewhere goes back to where the race is
        page.locator("#chart-h").tap();
        assertThat(readout).containsText("Now, step 300");
    }

    private static double rightmost(Locator canvas, int[] color) {
        return ((Number) canvas.evaluate(RIGHTMOST, List.of(color[0], color[1], color[2]))).doubleValue();
    }
}
