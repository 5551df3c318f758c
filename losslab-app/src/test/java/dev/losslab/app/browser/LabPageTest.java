package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lab page in a real browser, through its testability contract (docs/API.md and issue 5):
 * data-testid="canvas", "run", "reset", "loss-NAME", "hessian". Every test also fails on any
 * console error or uncaught page error. Waits are Playwright's auto-waiting assertions on visible
 * state, never sleeps.
 */
class LabPageTest extends BrowserTest {


    private static double value(Locator readout) {
        return Double.parseDouble(readout.getAttribute("data-value"));
    }

    private static String query(Page page, String key) {
        String q = URI.create(page.url()).getRawQuery();
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8).equals(key)) {
                return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private JsonNode analyze(String surface, String at) throws Exception {
        return JSON.readTree(lab.get("/api/analyze?surface=" + surface + "&at=" + at));
    }

    /** Issue 14's bug: Pause stayed enabled after a race had ended. */
    @Test
    void pauseIsDisabledOnceTheRaceHasEnded() {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170"); // the surface has arrived: Run races it
        raceToTheEnd(page, RACERS);
        assertThat(id(page, "pause")).isDisabled();
        assertThat(id(page, "step")).isDisabled();
        assertThat(id(page, "reset")).isEnabled();
    }

    @Test
    void theRaceFromTheLinkIsReadyWithTheStartLossAndTheStartsCurvature() {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "canvas")).isVisible();
        assertThat(id(page, "run")).isVisible();
        assertThat(id(page, "reset")).isVisible();
        for (String name : RACERS) {
            assertThat(id(page, "loss-" + name)).hasText("170");
        }
        assertThat(page.locator("[data-testid^='loss-']")).hasCount(3);
        // (0, 0) on Himmelblau curves down every way (λ = -26 along y and -42 along x), but its maximum is
        // at (-0.2708, -0.9230), 0.96 away: the ground still slopes here
        Locator hessian = id(page, "hessian");
        assertThat(hessian.locator("[data-field=kind]")).hasText("slope");
        assertThat(hessian).containsText("curves down every way");
        assertThat(hessian.locator("[data-field=lambda1]")).hasText("-26");
        assertThat(hessian.locator("[data-field=lambda2]")).hasText("-42");
        assertThat(page.locator("#rules math")).hasCount(3);
    }

    @Test
    void clickingTheLandscapeMovesTheStartAndTheReadoutsFollow() throws Exception {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        Locator canvas = id(page, "canvas");
        BoundingBox box = canvas.boundingBox();
        // right of and above the centre of a window symmetric about (0, 0)
        canvas.click(new Locator.ClickOptions().setPosition(box.width * 0.75, box.height * 0.3));
        assertThat(page).hasURL(Pattern.compile("start=(?!0,0&)[-0-9.]+,[-0-9.]+"));
        String start = query(page, "start");
        String[] xy = start.split(",");
        assertThat(Double.parseDouble(xy[0])).isPositive();
        assertThat(Double.parseDouble(xy[1])).isPositive();
        double expected = analyze("himmelblau", start).get("value").asDouble();
        assertThat(id(page, "loss-gd")).not().hasText("170");
        assertThat(value(id(page, "loss-gd"))).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        assertThat(Double.parseDouble(id(page, "loss-gd").textContent()))
                .isCloseTo(expected, within(1e-3 * Math.max(1, Math.abs(expected))));
        assertThat(page.locator("#start-x")).hasValue(xy[0]);
        assertThat(page.locator("#start-y")).hasValue(xy[1]);
    }

    @Test
    void theHimmelblauRaceEndsWithEveryBallInAMinimum() throws Exception {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        id(page, "run").click();
        awaitEveryRacerStopped(page, RACERS);
        JsonNode minima = JSON.readTree(lab.get("/api/surface?surface=himmelblau")).get("knownMinima");
        for (String name : RACERS) {
            assertThat(value(id(page, "loss-" + name))).as(name + "'s final loss").isLessThan(1e-3);
            assertThat(Double.parseDouble(id(page, "loss-" + name).textContent())).isLessThan(1e-3);
            Locator pos = id(page, "pos-" + name);
            double x = Double.parseDouble(pos.getAttribute("data-x"));
            double y = Double.parseDouble(pos.getAttribute("data-y"));
            double nearest = Double.POSITIVE_INFINITY;
            for (JsonNode m : minima) {
                nearest = Math.min(nearest, Math.hypot(x - m.get("x").asDouble(), y - m.get("y").asDouble()));
            }
            assertThat(nearest).as(name + " ends at a minimum").isLessThan(1e-2);
            assertThat(id(page, "status-" + name)).containsText("minimum");
        }
        screenshot(page, "desktop-himmelblau-race.png");

        id(page, "reset").click();
        for (String name : RACERS) {
            assertThat(id(page, "loss-" + name)).hasText("170");
        }
    }

    @Test
    void theKeyboardMovesTheStartAndRunsTheRace() {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        id(page, "canvas").focus();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Shift+ArrowUp");
        assertThat(page).hasURL(Pattern.compile("start=0\\.1,1(&|$)"));
        assertThat(id(page, "loss-gd")).not().hasText("170");
        page.keyboard().press(" "); // Space on the map runs the race
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", STOPPED, RACE_WAIT);
        id(page, "reset").focus();
        page.keyboard().press("Enter");
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "ready");
    }

    @Test
    void theInspectorCallsTheSaddleASaddleWithEigenvaluesTwoAndMinusTwo() {
        // within 1 % of the window's span of the saddle point (0, 0): Newton's step there is 0.014 long
        Page page = desktop("/?surface=saddle&start=0.01,0.01");
        Locator hessian = id(page, "hessian");
        assertThat(hessian.locator("[data-field=kind]")).hasText("saddle");
        assertThat(hessian.locator("[data-field=lambda1]")).hasText("2");
        assertThat(hessian.locator("[data-field=lambda2]")).hasText("-2");
        assertThat(hessian.locator("[data-field=det]")).hasText("-4");
        assertThat(hessian.locator("[data-field=trace]")).hasText("0");
    }

    @Test
    void aChangedLearningRateGoesIntoTheUrlAndComesBackOnReload() {
        Page page = desktop(HIMMELBLAU_RACE);
        Locator lr = page.locator("#p-gd-lr");
        assertThat(lr).hasValue("0.01"); // Himmelblau's default for the gradient family
        lr.fill("0.02");
        lr.press("Enter");
        assertThat(page).hasURL(Pattern.compile("[?&]gd\\.lr=0\\.02(&|$)"));
        page.reload();
        assertThat(page.locator("#p-gd-lr")).hasValue("0.02");
        assertThat(page.locator("#p-momentum-lr")).hasValue("0.01");
        assertThat(page).hasURL(Pattern.compile("optimizers=gd,momentum,adam"));
        assertThat(page).hasURL(Pattern.compile("start=0,0"));
    }

    /**
     * warmup-steps is a schedule-free rule's own warm-up and the warmup-cosine schedule's: with both
     * on one card it is one field, and the race it runs gives its value to both.
     */
    @Test
    void aSettingTheOptimizerAndItsScheduleShareIsOneFieldSentToBoth() throws Exception {
        Page page = desktop("/?surface=himmelblau&optimizers=schedule-free-sgd");
        assertThat(id(page, "loss-schedule-free-sgd")).hasText(Pattern.compile("\\d"));
        page.locator("[aria-controls=settings-schedule-free-sgd]").click();
        page.locator("#p-schedule-free-sgd-schedule").selectOption("warmup-cosine");
        Locator warmup = page.locator("#p-schedule-free-sgd-warmup-steps");
        assertThat(warmup).hasCount(1);
        com.microsoft.playwright.Request race = page.waitForRequest(
                r -> r.url().contains("/api/race") && r.postData() != null && r.postData().contains("warmup-steps"),
                () -> {
                    warmup.fill("7");
                    warmup.press("Enter");
                    id(page, "run").click();
                });
        JsonNode racer = JSON.readTree(race.postData()).path("racers").get(0);
        assertThat(racer.path("params").path("warmup-steps").asDouble()).isEqualTo(7);
        assertThat(racer.path("schedule").path("name").asText()).isEqualTo("warmup-cosine");
        assertThat(racer.path("schedule").path("params").path("warmup-steps").asDouble()).isEqualTo(7);
    }

    @Test
    void aBadFormulaIsExplainedBesideTheField() {
        Page page = desktop("/?surface=bowl");
        assertThat(id(page, "loss-gd")).not().hasText("");
        page.locator("#formula-input").fill("x^^2 + (y");
        page.locator("#formula-input").press("Enter");
        Locator error = id(page, "formula-error");
        assertThat(error).isVisible();
        // The sentence without the CLI's "surface: " (the field is right above it) …
        assertThat(error).containsText("Expected a number, a name or '(' after 'x^', found '^' at column 3");
        assertThat(error).not().containsText("surface:");
        // … and the caret in monospace, under column 3: the second '^' of "x^^2".
        Locator caret = id(page, "formula-caret");
        org.assertj.core.api.Assertions.assertThat(caret.evaluate("e => e.textContent")).isEqualTo("  x^^2 + (y\n    ^");
        org.assertj.core.api.Assertions.assertThat((String) caret.evaluate("e => getComputedStyle(e).whiteSpace")).isEqualTo("pre");
        org.assertj.core.api.Assertions.assertThat((String) caret.evaluate("e => getComputedStyle(e).fontFamily"))
                .containsIgnoringCase("mono");
        assertThat(page.locator("#formula-input")).hasAttribute("aria-invalid", "true");
        // the lab carries on with the surface it had
        assertThat(page).hasURL(Pattern.compile("surface=bowl"));
        assertThat(id(page, "canvas")).isVisible();
        allowFailedLoad(400, "/api/surface?surface=x%5E%5E2");
    }

    @Test
    void aLinkCannotReachObjectPrototype() {
        // "__proto__.method=PUT" would otherwise turn every fetch into a PUT (and break the page).
        Page page = desktop("/?surface=himmelblau&start=0,0&optimizers=gd&__proto__.method=PUT&constructor.x=1");
        assertThat(id(page, "loss-gd")).hasText("170");
        Object polluted = page.evaluate("() => ({}).method !== undefined");
        org.assertj.core.api.Assertions.assertThat(polluted).isEqualTo(false);
    }

    @Test
    void aTypedFormulaBecomesTheLandscape() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().hasText("");
        page.locator("#formula-input").fill("x^2 + 3*y^2 - x*y");
        page.locator("#formula-input").press("Enter");
        // A typed surface starts at (-4, 4): f = 16 + 48 + 16 = 80.
        assertThat(id(page, "loss-gd")).hasText("80");
        assertThat(page).hasURL(Pattern.compile("surface=x"));
        assertThat(id(page, "formula-error")).not().isVisible();
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndATapSetsTheStart() {
        Page page = phone(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        assertNoHorizontalScroll(page);
        Locator canvas = id(page, "canvas");
        canvas.scrollIntoViewIfNeeded();
        BoundingBox box = canvas.boundingBox();
        canvas.tap(new Locator.TapOptions().setPosition(box.width * 0.3, box.height * 0.7));
        assertThat(page).hasURL(Pattern.compile("start=-[0-9.]+,-[0-9.]+"));
        assertThat(id(page, "loss-gd")).not().hasText("170");
        screenshot(page, "phone-himmelblau.png", true);
    }

    @Test
    void screenshotsOfTheRavineRaceAtDesktopAndPhoneWidth() {
        for (boolean onPhone : new boolean[] {false, true}) {
            String ravine = "/?surface=ravine&optimizers=gd,momentum,adam";
            Page page = onPhone ? phone(ravine) : desktop(ravine);
            assertThat(id(page, "loss-gd")).not().hasText("");
            raceToTheEnd(page, RACERS);
            screenshot(page, (onPhone ? "phone" : "desktop") + "-ravine-race.png", onPhone);
            assertNoHorizontalScroll(page);
        }
    }
}
