package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every browser test shares, so that each test class only says what it checks: one
 * {@link LabBrowser} (server and Chromium) per class, started once rather than per test (hence
 * PER_CLASS), and the rule that a test fails on any console or page error it leaves behind (a test
 * that provokes an expected HTTP error says so with {@link #allowFailedLoad}). Plus the helpers
 * the classes had each written again: the desktop and phone viewports, screenshots into
 * {@link LabBrowser#SCREENSHOTS}, the no-sideways-scroll check and racing a race to its end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    /** The lab's default race, on Himmelblau from its maximum (0, 0), where f = 170. */
    static final String HIMMELBLAU_RACE = "/?surface=himmelblau&start=0,0&optimizers=gd,momentum,adam";
    static final List<String> RACERS = List.of("gd", "momentum", "adam");
    /** Every way a racer's run can end: its status' data-reason once the race is over. */
    static final Pattern STOPPED = Pattern.compile("converged|diverged|max-steps|singular-hessian|left-domain|line-search-failed");
    /** Generous: the slowest racer needs a few seconds at the default speed. */
    static final LocatorAssertions.HasAttributeOptions RACE_WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    /** Generous too: the 3-D view loads three.js and a software GL context, slow on a loaded machine. */
    static final LocatorAssertions.HasAttributeOptions GL_WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    static final ObjectMapper JSON = new ObjectMapper();

    LabBrowser lab;

    @BeforeAll
    void startBrowser() throws IOException {
        lab = new LabBrowser();
        Files.createDirectories(LabBrowser.SCREENSHOTS);
    }

    @AfterAll
    void closeBrowser() {
        lab.close();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(lab.problems).as("console and page errors").isEmpty();
    }

    /** A page 1440 × 900 with a mouse. */
    Page desktop(String pathAndQuery) {
        return lab.open(pathAndQuery, 1440, 900, false);
    }

    /** A page 390 × 844 with touch, at twice the pixels (a phone). */
    Page phone(String pathAndQuery) {
        return lab.open(pathAndQuery, 390, 844, true);
    }

    /**
     * Chromium logs every HTTP error status as "Failed to load resource"; the one line for a
     * request this test meant to fail (its URL containing urlPart) is expected, anything else not.
     */
    void allowFailedLoad(int status, String urlPart) {
        lab.problems.removeIf(p -> p.startsWith("console error: Failed to load resource: the server responded with a status of " + status)
                && p.contains(urlPart));
    }

    /** web/palette.json, the colours the page and the PNG plots both read. */
    static JsonNode palette() {
        try (InputStream in = BrowserTest.class.getResourceAsStream("/web/palette.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** [r, g, b] of a "#rrggbb" colour. */
    static int[] rgb(String hex) {
        int n = Integer.parseInt(hex.substring(1), 16);
        return new int[] {n >> 16 & 255, n >> 8 & 255, n & 255};
    }

    /** A "#rrggbb" colour as getComputedStyle writes it: "rgb(r, g, b)". */
    static String cssRgb(String hex) {
        int[] c = rgb(hex);
        return "rgb(" + c[0] + ", " + c[1] + ", " + c[2] + ")";
    }

    static Locator id(Page page, String testid) {
        return page.getByTestId(testid);
    }

    /** The viewport's picture, as target/screenshots/name. */
    static void screenshot(Page page, String name) {
        screenshot(page, name, false);
    }

    /** The viewport's or (fullPage) the whole page's picture, as target/screenshots/name. */
    static void screenshot(Page page, String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(LabBrowser.SCREENSHOTS.resolve(name)).setFullPage(fullPage));
    }

    /** One element's picture, as target/screenshots/name. */
    static void screenshot(Locator element, String name) {
        element.screenshot(new Locator.ScreenshotOptions().setPath(LabBrowser.SCREENSHOTS.resolve(name)));
    }

    static void assertNoHorizontalScroll(Page page) {
        Object fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        assertThat(fits).as("no horizontal scroll at " + page.viewportSize().width + " px").isEqualTo(true);
    }

    /** On the lab page: the fastest speed, Run, and wait until every racer has stopped. */
    static void raceToTheEnd(Page page, List<String> racers) {
        page.locator("#speed").fill("8");
        id(page, "run").click();
        awaitEveryRacerStopped(page, racers);
    }

    static void awaitEveryRacerStopped(Page page, List<String> racers) {
        for (String name : racers) {
            assertThat(id(page, "status-" + name)).hasAttribute("data-reason", STOPPED, RACE_WAIT);
        }
    }
}
