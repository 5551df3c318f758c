package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "How the page holds its state": the lab's views read one store (web/js/labStore.js)
 * once per animation frame. A burst of changes in one task costs one render of each reader, and a
 * change made to the store alone, not through any control, reaches the drawing, the controls and
 * the address bar on the next frame.
 */
class LabStorePageTest extends BrowserTest {

    /** The readers main.js registers, in the order they draw. */
    private static final List<String> READERS = List.of("race", "url", "map", "racers", "charts", "transport", "surface");

    /** Resolves after the next animation frame: a render the store scheduled before it has run by then. */
    private static final String FRAME = "const frame = () => new Promise((r) => requestAnimationFrame(() => r()));";

    private static Page loaded(Page page) {
        // the cards read the loss at the start once its analysis is in: the page has settled
        assertThat(id(page, "loss-gd")).not().isEmpty();
        return page;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBurstOfTwentyChangesInOneTaskIsOneRenderOfEachReader() {
        Page page = loaded(desktop("/?surface=bowl&optimizers=gd"));
        Map<String, Object> result = (Map<String, Object>) page.evaluate("async () => {" + FRAME + """
                  const store = window.__labStore;
                  await frame(); await frame();
                  const idle = { ...window.__labRenders };
                  await frame(); await frame();
                  const stillIdle = { ...window.__labRenders };
                  for (let k = 1; k <= 20; k++) {
                    store.state.steps = 100 + k;
                    store.state.chartX = k % 2 === 0 ? 'f-evals' : null;
                    store.changed();
                  }
                  await frame();
                  const once = { ...window.__labRenders };
                  await frame(); await frame(); await frame();
                  const after = { ...window.__labRenders };
                  const diff = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - a[k]]));
                  return {
                    idle: diff(idle, stillIdle), burst: diff(stillIdle, once), later: diff(once, after),
                    url: location.search, fEvals: document.querySelector('input[name="chart-x"][value="f-evals"]').checked,
                  };
                }""");
        Map<String, Object> none = Map.copyOf(READERS.stream().collect(java.util.stream.Collectors.toMap(r -> r, r -> 0)));
        Map<String, Object> one = Map.copyOf(READERS.stream().collect(java.util.stream.Collectors.toMap(r -> r, r -> 1)));
        assertThat(result.get("idle")).as("an idle page does not render").isEqualTo(none);
        assertThat(result.get("burst")).as("twenty changes, one frame: one render of each reader").isEqualTo(one);
        assertThat(result.get("later")).as("and nothing more once drawn").isEqualTo(none);
        assertThat((String) result.get("url")).contains("steps=120").contains("chart-x=f-evals");
        assertThat(result.get("fEvals")).as("the chart's x switch reads the last of them").isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStartSetInTheStoreAloneIsDrawnFilledInAndLinkedOnTheNextFrame() {
        Page page = loaded(desktop("/?surface=bowl&optimizers=gd"));
        assertThat(page.locator("#map")).not().hasAttribute("data-start", "1.5,-0.5");
        List<Object> shown = (List<Object>) page.evaluate("async () => {" + FRAME + """
                  const store = window.__labStore;
                  store.state.start = [1.5, -0.5];
                  store.changed();
                  const before = [document.getElementById('map').dataset.start, document.getElementById('start-x').value];
                  await frame();
                  return [...before, document.getElementById('map').dataset.start, document.getElementById('start-x').value,
                          document.getElementById('start-y').value, new URLSearchParams(location.search).get('start')];
                }""");
        assertThat(shown.subList(0, 2)).as("nothing is drawn before the frame").doesNotContain("1.5,-0.5", "1.5");
        assertThat(shown.subList(2, 6)).containsExactly("1.5,-0.5", "1.5", "-0.5", "1.5,-0.5");
        // the start's analysis, asked for by the map's reader, reaches the card: bowl f = 0.5(x² + 10y²) = 2.375
        assertThat(id(page, "loss-gd")).hasText("2.375");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSettingSetInTheStoreAloneRebuildsTheCardAndDropsTheRaceItNoLongerDescribes() {
        Page page = loaded(desktop("/?surface=bowl&optimizers=gd"));
        id(page, "run").click();
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", STOPPED, RACE_WAIT);
        List<Object> shown = (List<Object>) page.evaluate("async () => {" + FRAME + """
                  const store = window.__labStore;
                  store.state.settings = { gd: { lr: '0.05' } };
                  store.changed();
                  await frame();
                  return [document.getElementById('p-gd-lr').value, new URLSearchParams(location.search).get('gd.lr'),
                          document.getElementById('timeline-out').textContent,
                          document.querySelector('[data-testid="status-gd"]').dataset.reason];
                }""");
        assertThat(shown).containsExactly("0.05", "0.05", "press Run", "ready");
        // and Run races the new setting
        com.microsoft.playwright.Request race = page.waitForRequest("**/api/race", () -> id(page, "run").click());
        assertThat(race.postData()).contains("\"lr\":0.05");
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", STOPPED, RACE_WAIT);
    }
}
