package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The maps page's long work in a real browser: Compute shows a progress bar that reaches done,
 * Cancel stops a long map on the server and says so, the Sweep tab finds GD's divergence on the bowl
 * exactly past lr = 2/h beside theory's regimes, the SGD tab's bars each add up to 100 %, and the
 * fields say what is wrong next to them. Screenshots at desktop and phone sizes go to
 * {@link LabBrowser#SCREENSHOTS}. Fails on any console or page error ({@link BrowserTest}).
 */
class MapsJobsPageTest extends BrowserTest {

    /** A typed surface costly enough (forty sines) that a 100² map of 5,000 steps runs far longer than the test. */
    private static final String SLOW_SURFACE = "x^2+y^2+1e-9*("
            + IntStream.range(0, 40).mapToObj(k -> "sin(x*y+" + k + ")").collect(Collectors.joining("+")) + ")";

    private static final LocatorAssertions.HasCountOptions WAIT = new LocatorAssertions.HasCountOptions().setTimeout(60_000);
    private static final LocatorAssertions.ContainsTextOptions WAIT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
    private static final LocatorAssertions.HasTextOptions WAIT_HAS_TEXT = new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    /** Records every value the progress bar shows, from now on. */
    private static void recordProgress(Page page, String testId) {
        page.evaluate("id => { const bar = document.querySelector(`[data-testid=\"${id}\"]`); window.seen = [];"
                + " new MutationObserver(() => window.seen.push(bar.value)).observe(bar, {attributes: true}); }", testId);
    }

    @Test
    void computeShowsAProgressBarThatFillsUpAndReachesDone() {
        Page page = desktop("/maps.html?surface=himmelblau&optimizer=gd&grid=80");
        Locator compute = page.getByTestId("compute");
        assertThat(compute).isEnabled();
        Locator bar = page.getByTestId("progress");
        assertThat(bar).isHidden();
        recordProgress(page, "progress");
        compute.click();
        assertThat(bar).isVisible();
        assertThat(page.getByTestId("legend").locator("li[data-kind=minimum]")).hasCount(4, WAIT);
        assertThat(page.getByTestId("status")).containsText("Done");
        assertThat(bar).isVisible();
        assertThat(bar).hasJSProperty("value", 1);
        assertThat(page.getByTestId("progress-text")).containsText("100 %");
        assertThat(page.getByTestId("cancel")).isHidden();
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) page.evaluate("() => window.seen");
        assertThat(seen).isNotEmpty();
        for (int k = 1; k < seen.size(); k++) {
            assertThat(seen.get(k).doubleValue()).as("progress never goes back: %s", seen).isGreaterThanOrEqualTo(seen.get(k - 1).doubleValue());
        }
        assertThat(seen.getLast().doubleValue()).isEqualTo(1.0);
        screenshot(page, "maps-desktop-basins-progress-done.png", true);
    }

    @Test
    void cancelStopsALongMapOnTheServerAndTheStatusSaysCancelled() throws Exception {
        String query = "surface=" + URLEncoder.encode(SLOW_SURFACE, StandardCharsets.UTF_8) + "&optimizer=gd&grid=100&steps=5000&lr=1e-7";
        Page page = desktop("/maps.html?" + query);
        Locator compute = page.getByTestId("compute");
        assertThat(compute).isEnabled();
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"), compute::click);
        String id = JSON.readTree(created.text()).get("id").asText();
        // Mid-way: wait until some rows are done, then cancel.
        page.waitForFunction("() => document.querySelector('[data-testid=progress]').value > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        screenshot(page, "maps-desktop-basins-running.png", true);
        Locator cancel = page.getByTestId("cancel");
        assertThat(cancel).isVisible();
        cancel.click();
        assertThat(page.getByTestId("status")).containsText("Cancelled", WAIT_TEXT);
        assertThat(compute).isEnabled();
        assertThat(compute).hasText("Compute");
        assertThat(cancel).isHidden();
        assertThat(page.getByTestId("legend").locator("li")).hasCount(0);
        double shown = ((Number) page.evaluate("() => document.querySelector('[data-testid=progress]').value")).doubleValue();
        assertThat(shown).isGreaterThan(0).isLessThan(1);
        JsonNode job = JSON.readTree(lab.get("/api/jobs/" + id));
        assertThat(job.get("state").asText()).as("the server stopped the work").isEqualTo("cancelled");
        assertThat(job.get("reason").asText()).isEqualTo("request");
        screenshot(page, "maps-desktop-basins-cancelled.png", true);
    }

    /**
     * The Basins tab has been built and wired. Compute is enabled in the HTML before the module runs
     * (then a click submits the form as a plain GET and reloads the page), so isEnabled alone is not
     * enough: the settings fields appear just before the form's listeners are added.
     */
    private static Locator basinsReady(Page page) {
        assertThat(page.getByTestId("param-lr")).isVisible();
        Locator compute = page.getByTestId("compute");
        assertThat(compute).isEnabled();
        return compute;
    }

    private static String slowQuery() {
        return "surface=" + URLEncoder.encode(SLOW_SURFACE, StandardCharsets.UTF_8) + "&optimizer=gd&grid=100&steps=5000&lr=1e-7";
    }

    private static String jobIdOf(Response created) {
        try {
            return JSON.readTree(created.text()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJobPost(Response r) {
        return r.url().endsWith("/api/jobs") && r.request().method().equals("POST");
    }

    @Test
    void changingTheSurfaceWhileAMapComputesCancelsItsJobAndNeverDrawsTheOldMap() throws Exception {
        Page page = desktop("/maps.html?" + slowQuery());
        Locator compute = basinsReady(page);
        // Everything the legend and the status ever show, from now on.
        page.evaluate("() => { window.legendSizes = []; window.statuses = [];"
                + " const legend = document.querySelector('[data-testid=legend]');"
                + " const status = document.querySelector('[data-testid=status]');"
                + " new MutationObserver(() => window.legendSizes.push(legend.children.length)).observe(legend, {childList: true});"
                + " new MutationObserver(() => window.statuses.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true}); }");
        Response created = page.waitForResponse(MapsJobsPageTest::isJobPost, compute::click);
        String id = jobIdOf(created);
        assertThat(JSON.readTree(lab.get("/api/jobs/" + id)).get("state").asText()).as("still computing").isEqualTo("running");

        page.getByTestId("surface").selectOption("himmelblau");
        Locator status = page.getByTestId("status");
        assertThat(status).hasText("Cancelled: the surface changed.", WAIT_HAS_TEXT);
        assertThat(compute).isEnabled();
        assertThat(page.getByTestId("cancel")).isHidden();
        assertThat(page.locator("#legend-hint")).hasText("Press Compute to colour the map.");
        assertThat(page.getByTestId("legend").locator("li")).hasCount(0);
        JsonNode job = JSON.readTree(lab.get("/api/jobs/" + id));
        assertThat(job.get("state").asText()).as("the server stopped the old surface's job").isEqualTo("cancelled");
        assertThat(job.get("reason").asText()).isEqualTo("request");
        @SuppressWarnings("unchecked")
        List<Number> legendSizes = (List<Number>) page.evaluate("() => window.legendSizes");
        assertThat(legendSizes).as("the legend never listed the old surface's minima").allMatch(n -> n.intValue() == 0);
        @SuppressWarnings("unchecked")
        List<String> statuses = (List<String>) page.evaluate("() => window.statuses");
        assertThat(statuses).as("no answer was ever reported").noneMatch(t -> t.startsWith("Done"));

        // The new surface computes as usual afterwards.
        page.getByTestId("grid").fill("40");
        page.getByTestId("steps").fill("1000");
        compute.click();
        assertThat(page.getByTestId("legend").locator("li[data-kind=minimum]")).hasCount(4, WAIT);
        assertThat(status).containsText("Done");
    }

    @Test
    void aMapThatFinishesJustAsTheSurfaceChangesIsNeverDrawnOverTheNewSurface() throws Exception {
        Page page = desktop("/maps.html?surface=himmelblau&optimizer=gd&grid=40");
        Locator compute = basinsReady(page);
        page.evaluate("() => { window.legendSizes = []; const legend = document.querySelector('[data-testid=legend]');"
                + " new MutationObserver(() => window.legendSizes.push(legend.children.length)).observe(legend, {childList: true}); }");
        // Hold the answer to the page's POST until the job is done on the server: the surface then
        // changes too late for Cancel, and the answer (from the POST itself, a poll or Cancel's DELETE)
        // is the old surface's map. (Holding only the polls let a job done before the POST's answer
        // slip through.)
        List<Route> posts = new ArrayList<>();
        page.route("**/api/jobs", posts::add);
        compute.click();
        page.waitForCondition(() -> !posts.isEmpty());
        APIResponse created = posts.getFirst().fetch();
        String id = JSON.readTree(created.text()).get("id").asText();
        page.waitForCondition(() -> {
            try {
                return JSON.readTree(lab.get("/api/jobs/" + id)).get("state").asText().equals("done");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, new Page.WaitForConditionOptions().setTimeout(60_000));
        page.getByTestId("surface").selectOption("bowl");
        posts.getFirst().fulfill(new Route.FulfillOptions().setResponse(created));

        Locator status = page.getByTestId("status");
        assertThat(status).hasText("The surface changed while this was computing: press Compute for the new one.", WAIT_HAS_TEXT);
        assertThat(compute).isEnabled();
        assertThat(page.locator("#legend-hint")).hasText("Press Compute to colour the map.");
        assertThat(page.getByTestId("legend").locator("li")).hasCount(0);
        @SuppressWarnings("unchecked")
        List<Number> legendSizes = (List<Number>) page.evaluate("() => window.legendSizes");
        assertThat(legendSizes).as("Himmelblau's minima were never listed over the bowl").allMatch(n -> n.intValue() == 0);
        assertThat(page.locator("#panel-basins .maps-stage")).not().hasClass(Pattern.compile("(^|\\s)stale(\\s|$)"));
    }

    @Test
    void aMapFinishedAfterTheOptimizerChangedIsMarkedStaleAndLinksTheLabWithItsOwnOptimizer() {
        Page page = desktop("/maps.html?surface=himmelblau&optimizer=gd&grid=40");
        Locator compute = basinsReady(page);
        Locator stage = page.locator("#panel-basins .maps-stage");
        // Hold the page's POST, so that the page cannot learn the job is done before the optimizer
        // changes. (Holding only the polls let a job done before the POST's answer slip through.)
        List<Route> posts = new ArrayList<>();
        page.route("**/api/jobs", posts::add);
        compute.click();
        page.waitForCondition(() -> !posts.isEmpty());
        assertThat(compute).isDisabled();
        page.getByTestId("optimizer").selectOption("momentum");
        assertThat(page.getByTestId("param-momentum")).isVisible();
        assertThat(page.getByTestId("status")).hasText("Computing the map…");
        posts.getFirst().resume();

        assertThat(page.getByTestId("legend").locator("li[data-kind=minimum]")).hasCount(4, WAIT);
        assertThat(page.getByTestId("status")).hasText("Settings changed: press Compute to update the map.");
        assertThat(stage).hasClass(Pattern.compile("(^|\\s)stale(\\s|$)"));
        assertThat(page.locator("#legend-hint")).containsText(", gd,");
        screenshot(page, "maps-desktop-basins-stale.png", true);

        // The map is gradient descent's: so is the race it opens.
        page.getByTestId("basin-map").click();
        page.waitForURL(Pattern.compile("optimizers="));
        assertThat(page.url()).contains("optimizers=gd").doesNotContain("momentum").contains("gd.lr=");
        assertThat(id(page, "status-gd")).hasCount(1);
        assertThat(id(page, "status-momentum")).hasCount(0);
    }

    @Test
    void cancelPressedBeforeTheJobIsCreatedStillCancelsIt() throws Exception {
        Page page = desktop("/maps.html?" + slowQuery());
        Locator compute = basinsReady(page);
        Object[] seen = new Object[1];
        // Both clicks in one task: Cancel is pressed while the POST has not been answered.
        Response created = page.waitForResponse(MapsJobsPageTest::isJobPost, () -> seen[0] = page.evaluate("() => {"
                + " document.querySelector('[data-testid=compute]').click();"
                + " document.querySelector('[data-testid=cancel]').click();"
                + " return document.querySelector('[data-testid=progress-text]').textContent; }"));
        assertThat(seen[0]).as("Cancel was taken before the job had an id").isEqualTo("cancelling…");
        String id = jobIdOf(created);
        assertThat(page.getByTestId("status")).hasText("Cancelled: the map was not finished.",
                WAIT_HAS_TEXT);
        assertThat(compute).isEnabled();
        assertThat(page.getByTestId("cancel")).isHidden();
        assertThat(page.getByTestId("legend").locator("li")).hasCount(0);
        JsonNode job = JSON.readTree(lab.get("/api/jobs/" + id));
        assertThat(job.get("state").asText()).as("the server stopped the work").isEqualTo("cancelled");
        assertThat(job.get("reason").asText()).isEqualTo("request");
    }

    @Test
    void theSweepTabFindsGradientDescentsDivergenceOnTheBowlExactlyPastTwoOverH() {
        Page page = desktop("/maps.html?tab=sweep&sweep.surface=bowl&sweep.optimizer=gd&sweep.lr=0.01:0.25:25");
        assertThat(page.getByTestId("panel-sweep")).isVisible();
        assertThat(page.getByTestId("panel-basins")).isHidden();
        Locator compute = page.getByTestId("sweep-compute");
        assertThat(compute).isEnabled();
        compute.click();
        Locator rows = page.getByTestId("sweep-table").locator("tbody tr");
        assertThat(rows).hasCount(25, WAIT);
        assertThat(page.getByTestId("sweep-status")).containsText("Done");
        assertThat(page.getByTestId("sweep-progress")).hasJSProperty("value", 1);
        // The bowl's steep curvature is h = 10: GD diverges for every lr > 2/h = 0.2 and for no other.
        int diverged = 0;
        for (Locator row : rows.all()) {
            double lr = Double.parseDouble(row.getAttribute("data-lr"));
            boolean divergedHere = row.getAttribute("data-stop").equals("diverged");
            assertThat(divergedHere).as("lr = %s diverged", lr).isEqualTo(lr > 0.2 + 1e-9);
            if (lr > 0.2 + 1e-9) {
                assertThat(row.getAttribute("data-regime")).isEqualTo("divergent");
                diverged++;
            } else if (lr < 0.1 - 1e-9) {
                assertThat(row.getAttribute("data-regime")).isEqualTo("monotone");
                assertThat(row.getAttribute("data-stop")).as("lr = %s within the default 3000 steps", lr).isEqualTo("converged");
            }
        }
        assertThat(diverged).isEqualTo(5);
        assertThat(page.getByTestId("sweep-legend").locator("li[data-kind=diverged]")).hasAttribute("data-count", "5");
        Locator theory = page.getByTestId("theory-map");
        assertThat(theory).isVisible();
        assertThat(page.getByTestId("theory-legend").locator("li")).containsText(new String[] {"monotone", "oscillating", "divergent"});

        // Pointing at the last cell names its lr and how it ended.
        Locator map = page.getByTestId("sweep-map");
        var box = map.boundingBox();
        map.hover(new Locator.HoverOptions().setPosition(box.width - 20, 30));
        assertThat(page.getByTestId("sweep-readout")).containsText("lr 0.25: diverged after");
        screenshot(page, "maps-desktop-sweep-bowl-gd.png", true);

        page.getByTestId("sweep-table-details").locator("summary").click();
        assertThat(page.getByTestId("sweep-table")).isVisible();
        assertThat(page.url()).contains("tab=sweep").contains("sweep.lr=0.01:0.25:25");
    }

    @Test
    void aTwoDimensionalSweepDrawsTheMomentumRegimesBesideTheMeasuredMap() {
        Page page = desktop("/maps.html?tab=sweep&sweep.surface=bowl&sweep.optimizer=momentum&sweep.lr=0.01:0.5:25"
                + "&sweep.momentum=0:0.95:20");
        Locator compute = page.getByTestId("sweep-compute");
        assertThat(compute).isEnabled();
        assertThat(page.getByTestId("sweep-vary-momentum")).isChecked();
        compute.click();
        Locator rows = page.getByTestId("sweep-table").locator("tbody tr");
        assertThat(rows).hasCount(500, WAIT);
        // Theory's divergence boundary lr·h ≥ 2(1 + μ) with h = 10, where rounding cannot blur it.
        for (Locator row : rows.all()) {
            double lr = Double.parseDouble(row.getAttribute("data-lr"));
            double mu = Double.parseDouble(row.getAttribute("data-momentum"));
            double margin = lr * 10 - 2 * (1 + mu);
            if (Math.abs(margin) > 1e-6) {
                assertThat(row.getAttribute("data-regime").equals("divergent")).as("lr %s, μ %s", lr, mu).isEqualTo(margin > 0);
            }
        }
        assertThat(page.getByTestId("theory-map")).isVisible();
        var measured = page.getByTestId("sweep-map").boundingBox();
        var theory = page.getByTestId("theory-map").boundingBox();
        assertThat(theory.x).as("theory beside the measured map").isGreaterThan(measured.x + measured.width - 1);
        screenshot(page, "maps-desktop-sweep-bowl-momentum.png", true);
    }

    @Test
    void theSgdTabsBarsEachAddUpToAHundredPercent() {
        Page page = desktop("/maps.html?tab=sgd&sgd.surface=himmelblau&sgd.start=0,0&sgd.noise=0:30:4&sgd.runs=40");
        Locator compute = page.getByTestId("sgd-compute");
        assertThat(compute).isEnabled();
        compute.click();
        Locator levels = page.getByTestId("sgd-chart").getByTestId("sgd-level");
        assertThat(levels).hasCount(4, WAIT);
        assertThat(page.getByTestId("sgd-status")).containsText("Done");
        for (Locator level : levels.all()) {
            double total = 0;
            for (Locator seg : level.locator(".sgd-seg").all()) {
                total += Double.parseDouble(seg.getAttribute("data-share"));
            }
            assertThat(total).as("σ = %s", level.getAttribute("data-noise")).isCloseTo(100, within(1e-9));
        }
        // Without noise every run is the same run: one basin takes them all.
        Locator calm = levels.first();
        assertThat(calm).hasAttribute("data-noise", "0");
        assertThat(calm.locator(".sgd-seg")).hasCount(1);
        assertThat(calm.locator(".sgd-seg")).hasAttribute("data-share", "100");
        assertThat(page.getByTestId("sgd-legend").locator("li[data-kind=minimum]")).hasCount(4);
        assertThat(page.getByTestId("sgd-summary")).containsText("With σ = 0: 100 % end at minimum 1;");
        screenshot(page, "maps-desktop-sgd-himmelblau.png", true);
    }

    @Test
    void everyTabFitsAPhone() {
        Page page = phone("/maps.html?tab=sweep&sweep.surface=bowl&sweep.optimizer=gd&sweep.lr=0.01:0.25:25");
        page.getByTestId("sweep-compute").click();
        assertThat(page.getByTestId("sweep-table").locator("tbody tr")).hasCount(25, WAIT);
        assertNoHorizontalScroll(page);
        screenshot(page, "maps-phone-sweep-bowl-gd.png", true);

        page.getByTestId("tab-sgd").click();
        page.getByTestId("sgd-compute").click();
        assertThat(page.getByTestId("sgd-chart").getByTestId("sgd-level")).hasCount(5, WAIT);
        assertNoHorizontalScroll(page);
        screenshot(page, "maps-phone-sgd-himmelblau.png", true);

        page.getByTestId("tab-basins").click();
        assertThat(page.getByTestId("compute")).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(page.url()).as("the Basins tab is the page's default").doesNotContain("tab=");
    }

    @Test
    void fieldsSayWhatIsWrongNextToThem() {
        Page page = desktop("/maps.html?tab=sweep&sweep.surface=bowl&sweep.optimizer=gd");
        Locator count = page.getByTestId("sweep-lr-count");
        assertThat(page.getByTestId("sweep-compute")).isEnabled();
        count.fill("500");
        page.getByTestId("sweep-compute").click();
        assertThat(count).hasAttribute("aria-invalid", "true");
        assertThat(page.getByTestId("sweep-lr-count-message")).hasText("The number of values must be a whole number from 1 to 100");
        assertThat(page.getByTestId("sweep-progress")).isHidden();
        screenshot(page, "maps-desktop-sweep-field-error.png", true);

        // The API's own 400 lands next to its field too: here an lr the core refuses.
        page.getByTestId("tab-basins").click();
        Locator lr = page.getByTestId("param-lr");
        assertThat(page.getByTestId("compute")).isEnabled();
        lr.fill("-1");
        page.getByTestId("compute").click();
        assertThat(page.getByTestId("param-lr-message")).hasText("lr must be > 0, got -1");
        assertThat(lr).hasAttribute("aria-invalid", "true");
        assertThat(page.getByTestId("progress")).isHidden();
        screenshot(page, "maps-desktop-basins-field-error.png", true);
        allowFailedLoad(400, "/api/jobs");
    }
}
