package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's bugs: an invalid lr was flagged only by a tooltip, and an old error stayed after the
 * field was fixed. Now the field says what is wrong under it, and fixing it clears that.
 */
class FieldErrorPageTest extends BrowserTest {

    @Test
    void aCardKeepsWhatTheApiWouldRefuseOutOfTheLink() {
        Page page = desktop("/?surface=bowl&optimizers=gd&gd.lr=0.1");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        Locator lr = page.locator("#p-gd-lr");
        for (String[] c : new String[][] {{"-1", "lr must be > 0, got -1"}, {"0.", "lr must be > 0, got 0."}, {"1e", "lr must be a number, got '1e'"}}) {
            lr.fill(c[0]);
            lr.press("Enter");
            assertThat(id(page, "p-gd-lr-error")).hasText(c[1]);
            // the link still holds the last good value
            assertThat(page).hasURL(java.util.regex.Pattern.compile("gd\\.lr=0\\.1(&|$)"));
        }
    }

    @Test
    void aFieldSaysWhatIsWrongUnderItAndFixingItClearsIt() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        Locator lr = page.locator("#p-gd-lr");
        lr.fill("fast");
        lr.press("Enter");
        assertThat(id(page, "p-gd-lr-error")).hasText("lr must be a number, got 'fast'");
        assertThat(lr).hasAttribute("aria-invalid", "true");
        lr.fill("0.1");
        lr.press("Enter");
        assertThat(id(page, "p-gd-lr-error")).hasCount(0);
        assertThat(lr).not().hasAttribute("aria-invalid", "true");

        // Run with a field marked wrong does not race the last good value behind the student's back:
        // it says which field to fix, over the map, until it is fixed.
        lr.fill("-1");
        lr.press("Enter");
        id(page, "run").click();
        assertThat(id(page, "p-gd-lr-error")).containsText("lr must be > 0");
        assertThat(page.locator("#race-error")).hasText("Fix the field marked in red first: lr must be > 0, got -1");
        assertThat(page.locator("#timeline-out")).hasText("press Run");
        lr.fill("0.1");
        lr.press("Enter");
        assertThat(id(page, "p-gd-lr-error")).hasCount(0);
        assertThat(page.locator("#race-error")).isEmpty();
        raceToTheEnd(page, List.of("gd"));
    }

    @Test
    void theChartsLastStepLabelStaysInsideTheCanvas() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        // The axis module draws its tick labels on a context that records where each one ends; a plot
        // 300 px wide from x = 52, up to step 10000: "10000" centred on the last tick would end ~3 px past
        // the canvas (its half-width is more than the 12 px right margin).
        Object overflow = page.evaluate("""
                async () => {
                  const { ChartAxis, MARGIN_LEFT, MARGIN_RIGHT } = await import('/static/js/chartAxis.js');
                  const canvas = document.createElement('canvas');
                  const real = canvas.getContext('2d');
                  let rightmost = 0;
                  const ctx = new Proxy(real, {
                    get(target, key) {
                      if (key === 'fillText') {
                        return (text, x, y) => {
                          const w = target.measureText(text).width;
                          const right = target.textAlign === 'center' ? x + w / 2 : target.textAlign === 'right' ? x : x + w;
                          if (/^[0-9]+$/.test(text)) rightmost = Math.max(rightmost, right);
                        };
                      }
                      const v = Reflect.get(target, key);
                      return typeof v === 'function' ? v.bind(target) : v;
                    },
                    set(target, key, value) { return Reflect.set(target, key, value); },
                  });
                  const pw = 300;
                  new ChartAxis().drawTicks(ctx, (s) => MARGIN_LEFT + (s / 10000) * pw, MARGIN_LEFT, pw, 0, 10000);
                  return rightmost - (MARGIN_LEFT + pw + MARGIN_RIGHT);
                }""");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).doubleValue()).as("px past the canvas' right edge").isLessThanOrEqualTo(0);
    }

    /** Issue 14's bug: after a surface failed to load, the select named it while the map showed the old one. */
    @Test
    void aSurfaceThatFailsToLoadLeavesTheSelectOnTheSurfaceShown() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        page.route("**/api/surface?surface=himmelblau*", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(503).setContentType("application/json").setBody("{\"error\": \"the server is busy\", \"field\": null}")));
        page.locator("#surface-select").selectOption("himmelblau");
        assertThat(page.locator("#race-error")).hasText("the server is busy");
        assertThat(page.locator("#surface-select")).hasValue("bowl");
        allowFailedLoad(503, "/api/surface");
    }
}
