package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: superseded requests are aborted (AbortController, web/js/latest.js), not counted by hand.
 * The module is tested as the page loads it; then the lab, where a race asked for and superseded by a
 * changed setting before its answer arrives must be aborted and never shown.
 */
class LatestRequestPageTest extends BrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheNewestSignalIsCurrentAndTheOlderOnesAreAborted() {
        Page page = desktop("/?surface=bowl");
        Object result = page.evaluate("""
                async () => {
                  const { Latest } = await import('/static/js/latest.js');
                  const latest = new Latest();
                  const first = latest.next();
                  const second = latest.next();
                  const before = [first.aborted, second.aborted, latest.isCurrent(first), latest.isCurrent(second)];
                  latest.cancel();
                  return [...before, second.aborted, latest.isCurrent(second), latest.signal === null];
                }""");
        assertThat((List<Object>) result).containsExactly(true, false, false, true, true, false, true);
    }

    @Test
    void aRaceSupersededWhileItLoadsIsAbortedAndNotShown() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        List<String> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequestFailed(r -> failed.add(r.url() + " " + r.failure()));
        // hold the race's answer back: the route is kept, not resumed, until the lr has changed
        List<com.microsoft.playwright.Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.route("**/api/race", held::add);
        id(page, "run").click();
        page.waitForCondition(() -> !held.isEmpty());
        // a new lr: the race out is no longer the one on the cards
        page.locator("#p-gd-lr").fill("0.05");
        page.locator("#p-gd-lr").press("Enter");
        page.waitForCondition(() -> !failed.isEmpty());
        try {
            held.getFirst().resume();
        } catch (com.microsoft.playwright.PlaywrightException aborted) {
            // the page dropped it: nothing to resume
        }
        assertThat(failed.getFirst()).contains("/api/race").contains("ERR_ABORTED");
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "ready");
        assertThat(page.locator("#timeline-out")).hasText("press Run");
    }

    /**
     * Run before the landscape has arrived has no race to ask for: Run and Step wait for it (they
     * were enabled, and a Run sent a null race body, answered "the request body must be a JSON
     * object, got null").
     */
    @Test
    void runWaitsForTheLandscape() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        List<com.microsoft.playwright.Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.route("**/api/surface**", held::add);
        page.reload();
        page.waitForCondition(() -> !held.isEmpty());
        assertThat(id(page, "run")).isDisabled();
        assertThat(id(page, "step")).isDisabled();
        page.unroute("**/api/surface**");
        held.forEach(com.microsoft.playwright.Route::resume);
        id(page, "run").click(); // waits until it is enabled
        assertThat(page.locator("#timeline-out")).not().hasText("press Run");
        assertThat(page.locator("#race-error")).isEmpty();
    }
}
