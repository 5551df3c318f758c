package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a phone has no hover, so under the map a switch "Tap the map to: move the start | inspect
 * a point" lets a tap pin the Hessian inspector to a point instead — a diamond marks it, and the
 * point's loss, slope and eigenvalues appear right under the map — while the start stays put.
 *
 * <p>On the saddle f = x² − y² the truth is by hand: f(x, y) = x² − y², |∇f| = 2·√(x² + y²), and
 * the Hessian diag(2, −2) everywhere, so eigenvalues 2 and −2, a saddle.
 */
class TapInspectPageTest extends BrowserTest {

    /** The saddle's window is [−2, 2]²; its default start (−1.8, 0.01). */
    private static final String SADDLE = "/?surface=saddle&optimizers=gd";
    private static final double[] WINDOW = {-2, 2, -2, 2};

    private static double[] pagePx(Page page, double x, double y) {
        Locator canvas = id(page, "canvas");
        BoundingBox box = canvas.boundingBox();
        double[] p = Arrays.stream(canvas.getAttribute("data-plot").split(",")).mapToDouble(Double::parseDouble).toArray();
        return new double[] {
            box.x + p[0] + (x - WINDOW[0]) / (WINDOW[1] - WINDOW[0]) * p[2],
            box.y + p[1] + (1 - (y - WINDOW[2]) / (WINDOW[3] - WINDOW[2])) * p[3],
        };
    }

    /** [r, g, b, a] of the map's overlay at page position (x, y) plus (dx, dy) CSS px. */
    private static int[] overlayPixel(Page page, double[] at, double dx, double dy) {
        BoundingBox box = id(page, "canvas").boundingBox();
        Object rgba = page.evaluate("([x, y]) => { const c = document.getElementById('map'); const s = c.width / c.clientWidth;"
                + " return Array.from(c.getContext('2d').getImageData(Math.round(x * s), Math.round(y * s), 1, 1).data); }",
                java.util.List.of(at[0] - box.x + dx, at[1] - box.y + dy));
        return ((java.util.List<?>) rgba).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static double field(Page page, String name) {
        return Double.parseDouble(id(page, "hessian").locator("[data-field=" + name + "]").textContent());
    }

    @Test
    void onAPhoneATapInspectsAPointWhenAskedAndMovesTheStartOtherwise() {
        Page page = phone(SADDLE);
        assertThat(id(page, "loss-gd")).not().isEmpty();
        Locator toStart = id(page, "tap-start"), toInspect = id(page, "tap-inspect");
        assertThat(id(page, "tap-mode")).isVisible();
        assertThat(toStart).isChecked();
        // the switch's two halves are thumb-sized
        for (Locator half : new Locator[] {toStart, toInspect}) {
            BoundingBox b = half.locator("xpath=..").boundingBox();
            assertThat(b.height).as("touch target height").isGreaterThanOrEqualTo(44);
            assertThat(b.width).as("touch target width").isGreaterThanOrEqualTo(44);
        }
        id(page, "canvas").scrollIntoViewIfNeeded();
        double onePx = (WINDOW[1] - WINDOW[0]) / Double.parseDouble(id(page, "canvas").getAttribute("data-plot").split(",")[2]);

        // As before: a tap moves the start.
        double[] a = pagePx(page, 1, 0.5);
        page.touchscreen().tap(a[0], a[1]);
        assertThat(page.locator("#start-x")).not().hasValue("-1.8");
        String start = page.locator("#start-x").inputValue();
        assertThat(Double.parseDouble(start)).isCloseTo(1, within(2 * onePx));
        assertThat(Double.parseDouble(page.locator("#start-y").inputValue())).isCloseTo(0.5, within(2 * onePx));
        assertThat(page).hasURL(Pattern.compile("start=" + start.replace(".", "\\.") + ","));

        // Switched to inspecting: a tap reads the point, marks it, and leaves the start alone.
        toInspect.locator("xpath=..").tap();
        assertThat(toInspect).isChecked();
        assertThat(id(page, "tap-readout")).containsText("Tap any point");
        double x = -1.2, y = 0.5;
        double[] b = pagePx(page, x, y);
        assertThat(overlayPixel(page, b, 7, 7)[3]).as("nothing drawn there yet").isZero();
        page.touchscreen().tap(b[0], b[1]);
        Locator readout = id(page, "tap-readout");
        // saddle-shaped ground, 1.3 from the saddle point itself: a slope, not a saddle
        assertThat(readout).containsText("slope");
        assertThat(readout).containsText("curves up one way, down the other");
        assertThat(readout).containsText("λ₁ 2 · λ₂ -2");
        assertThat(id(page, "hessian").locator("[data-field=where]")).containsText("at the point you tapped");
        double f = x * x - y * y, grad = 2 * Math.hypot(x, y);
        double slack = 2 * grad * onePx; // the tap lands within a pixel or so of (x, y)
        assertThat(field(page, "value")).isCloseTo(f, within(slack));
        assertThat(field(page, "grad")).isCloseTo(grad, within(4 * onePx));
        assertThat(field(page, "lambda1")).isEqualTo(2);
        assertThat(field(page, "lambda2")).isEqualTo(-2);
        // the diamond: off both eigenvector lines (the axes, here), on its edge, 5.5 px along each
        int[] mark = overlayPixel(page, b, 5.5, 5.5);
        assertThat(mark[3]).as("the marker is drawn").isGreaterThan(200);
        assertThat(page.locator("#start-x")).hasValue(start);

        // Back to moving the start: the pin goes, and a tap moves the start again.
        toStart.locator("xpath=..").tap();
        assertThat(readout).isHidden();
        assertThat(id(page, "hessian").locator("[data-field=where]")).containsText("at the start");
        assertThat(overlayPixel(page, b, 5.5, 5.5)[3]).as("the marker is gone").isZero();
        double[] c = pagePx(page, -0.5, -1);
        page.touchscreen().tap(c[0], c[1]);
        assertThat(page.locator("#start-x")).not().hasValue(start);
    }

    @Test
    void aMouseHoversInsteadAndSeesNoSwitch() {
        Page page = desktop(SADDLE);
        assertThat(id(page, "loss-gd")).not().isEmpty();
        assertThat(id(page, "tap-mode")).isHidden();
        double[] p = pagePx(page, 1, 1);
        page.mouse().move(p[0], p[1]);
        assertThat(id(page, "hessian").locator("[data-field=where]")).containsText("under the pointer");
    }
}
