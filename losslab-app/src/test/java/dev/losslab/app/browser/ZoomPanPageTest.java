package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the landscape zooms and pans with the pointer — the wheel and a trackpad's pinch zoom about
 * the point under the pointer, a drag pans, two fingers pinch and drag on a phone — through the same
 * window as the +/−/Fit buttons and the link's window=, with a click still setting the start, no
 * request to the server until a gesture ends, and bounds on how far it goes.
 *
 * <p>The expected windows are worked by hand from where the gesture happened: a point of the world
 * under the pointer (or between the fingers) keeps its place in the window, a drag of d pixels moves
 * the window by d over the plot's width (or height) of its span.
 */
class ZoomPanPageTest extends BrowserTest {

    /** The bowl's own window is [−4, 4] × [−3, 3]; its default start (−3.5, 2.5). */
    private static final String BOWL = "/?surface=bowl&optimizers=gd";
    private static final double[] BOWL_WINDOW = {-4, 4, -3, 3};
    private static final Pattern WINDOW = Pattern.compile("[?&]window=([^&]+)");
    /** tidy() rounds each edge to 1e-5 of its side: far below what these checks resolve. */
    private static final double ROUNDING = 1e-4;

    /** The plot rectangle inside the map's canvas, in CSS pixels: left, top, width, height. */
    private static double[] plot(Page page) {
        return numbers(id(page, "canvas").getAttribute("data-plot"));
    }

    private static double[] numbers(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The page position (CSS px) of world point (x, y) when the map shows window w. */
    private static double[] pagePx(Page page, double[] w, double x, double y) {
        BoundingBox box = id(page, "canvas").boundingBox();
        double[] p = plot(page);
        return new double[] {
            box.x + p[0] + (x - w[0]) / (w[1] - w[0]) * p[2],
            box.y + p[1] + (1 - (y - w[2]) / (w[3] - w[2])) * p[3],
        };
    }

    /** Waits until the link holds a window other than `before` (null: none), and returns it. */
    private static double[] awaitLinkWindow(Page page, double[] before) {
        page.waitForCondition(() -> {
            Matcher m = WINDOW.matcher(page.url());
            return m.find() && (before == null || !Arrays.equals(numbers(m.group(1)), before));
        });
        Matcher m = WINDOW.matcher(page.url());
        assertThat(m.find()).isTrue();
        return numbers(m.group(1));
    }

    private static Page loadedBowl(Page page) {
        assertThat(id(page, "loss-gd")).not().isEmpty();
        assertThat(id(page, "canvas")).hasAttribute("data-window", "-4,4,-3,3");
        return page;
    }

    /** Where world point (x, y) sits in window w, as fractions of its width and height. */
    private static double[] fraction(double[] w, double x, double y) {
        return new double[] {(x - w[0]) / (w[1] - w[0]), (y - w[2]) / (w[3] - w[2])};
    }

    /**
     * World point (x, y) sits at the same place of the plot in both windows, to a pixel (the browser
     * rounds the pointer's position to whole pixels).
     */
    private static void assertKeepsPlace(Page page, double[] before, double[] after, double x, double y) {
        double[] p = plot(page);
        double[] f0 = fraction(before, x, y), f1 = fraction(after, x, y);
        assertThat(f1[0]).as("(%s, %s) keeps its place across", x, y).isCloseTo(f0[0], within(1.0 / p[2]));
        assertThat(f1[1]).as("(%s, %s) keeps its place up", x, y).isCloseTo(f0[1], within(1.0 / p[3]));
        // the same factor both ways: a world unit stays as long across as up
        assertThat((after[1] - after[0]) / (after[3] - after[2])).isCloseTo((before[1] - before[0]) / (before[3] - before[2]), within(ROUNDING));
    }

    /** One CSS pixel of the plot in world units, when it shows window w. */
    private static double onePixel(Page page, double[] w) {
        return (w[1] - w[0]) / plot(page)[2];
    }

    /** The start fields (and so the link) hold (x, y), to a pixel and the start's rounding. */
    private static void assertStart(Page page, double x, double y, double tolerance) {
        page.waitForCondition(() -> !page.locator("#start-x").inputValue().equals("-3.5"));
        assertThat(Double.parseDouble(page.locator("#start-x").inputValue())).isCloseTo(x, within(2 * tolerance));
        assertThat(Double.parseDouble(page.locator("#start-y").inputValue())).isCloseTo(y, within(2 * tolerance));
        assertThat(page).hasURL(Pattern.compile("start=" + page.locator("#start-x").inputValue().replace(".", "\\.") + ","));
    }

    @Test
    void theWheelZoomsAboutThePointAndAPinchToo() {
        Page page = loadedBowl(desktop(BOWL));
        double[] at = pagePx(page, BOWL_WINDOW, 2, 1);
        page.mouse().move(at[0], at[1]);
        page.mouse().wheel(0, -300); // away from the person: zoom in
        double[] zoomed = awaitLinkWindow(page, null);
        assertThat(zoomed[1] - zoomed[0]).as("narrower").isBetween(8 * 0.2, 8 * 0.9);
        assertKeepsPlace(page, BOWL_WINDOW, zoomed, 2, 1);
        // the same window in the field and under the buttons: one mechanism
        assertThat(id(page, "zoom-reset")).isEnabled();
        assertThat(id(page, "window-input")).not().hasValue("-4, 4, -3, 3");

        // A trackpad's pinch arrives as a wheel event with ctrlKey: fingers apart (deltaY < 0) zoom in.
        double[] p2 = pagePx(page, zoomed, 1, 0.5);
        page.mouse().move(p2[0], p2[1]);
        page.keyboard().down("Control");
        page.mouse().wheel(0, 40); // fingers together: zoom out
        page.keyboard().up("Control");
        double[] pinched = awaitLinkWindow(page, zoomed);
        assertThat(pinched[1] - pinched[0]).as("wider").isGreaterThan(zoomed[1] - zoomed[0]);
        assertKeepsPlace(page, zoomed, pinched, 1, 0.5);
        assertThat(((Number) page.evaluate("() => window.scrollY")).doubleValue()).as("the page did not scroll").isZero();

        id(page, "zoom-reset").click();
        assertThat(page).not().hasURL(Pattern.compile("window="));
        assertThat(id(page, "canvas")).hasAttribute("data-window", "-4,4,-3,3");
    }

    /** In another site's page (/embed) a wheel turned over the map scrolls that page; ctrl+wheel zooms. */
    @Test
    void anEmbeddedMapLeavesThePlainWheelToThePage() {
        Page page = loadedBowl(desktop("/embed?surface=bowl&optimizers=gd"));
        double[] at = pagePx(page, BOWL_WINDOW, 1, 1);
        page.mouse().move(at[0], at[1]);
        page.mouse().wheel(0, -300);
        page.waitForTimeout(600); // past the wheel's settling time
        assertThat(page).not().hasURL(Pattern.compile("window="));
        assertThat(id(page, "canvas")).hasAttribute("data-window", "-4,4,-3,3");
        page.keyboard().down("Control");
        page.mouse().wheel(0, -100);
        page.keyboard().up("Control");
        double[] zoomed = awaitLinkWindow(page, null);
        assertKeepsPlace(page, BOWL_WINDOW, zoomed, 1, 1);
    }

    @Test
    void aDragPansTheMapWithoutAskingTheServerUntilReleasedAndAClickStillSetsTheStart() {
        Page page = loadedBowl(desktop(BOWL));
        List<String> landscapes = new ArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/api/landscape")) landscapes.add(r.url());
        });
        double[] p = plot(page);
        double[] from = pagePx(page, BOWL_WINDOW, 0, 0);
        double dxPx = 120, dyPx = 60;
        page.mouse().move(from[0], from[1]);
        page.mouse().down();
        page.mouse().move(from[0] + dxPx, from[1] + dyPx, new Mouse.MoveOptions().setSteps(12));
        // still held: the picture already loaded follows the pointer, and nothing was asked for
        assertThat(id(page, "canvas")).not().hasAttribute("data-window", "-4,4,-3,3");
        page.waitForTimeout(300);
        assertThat(landscapes).as("requests while dragging").isEmpty();
        page.mouse().up();

        double[] panned = awaitLinkWindow(page, null);
        // The world moved with the pointer: the window moved the other way by the drag over the plot's size.
        double shiftX = -dxPx / p[2] * 8, shiftY = dyPx / p[3] * 6;
        double[] expected = {-4 + shiftX, 4 + shiftX, -3 + shiftY, 3 + shiftY};
        for (int i = 0; i < 4; i++) {
            assertThat(panned[i]).as("edge %d", i).isCloseTo(expected[i], within(ROUNDING * 8));
        }
        page.waitForTimeout(300);
        assertThat(landscapes).as("one request, once released").hasSize(1);
        assertThat(landscapes.getFirst()).contains("window=");
        // the drag set no start
        assertThat(page.locator("#start-x")).hasValue("-3.5");
        assertThat(page.locator("#start-y")).hasValue("2.5");

        // A click (no movement) still sets the start, at the point clicked in the new window.
        double[] click = pagePx(page, panned, 1, -1);
        page.mouse().click(click[0], click[1]);
        assertStart(page, 1, -1, onePixel(page, panned));
        // and the inspector still follows the mouse
        double[] hover = pagePx(page, panned, 0, 0);
        page.mouse().move(hover[0], hover[1]);
        assertThat(id(page, "hessian").locator("[data-field=where]")).containsText("under the pointer");
    }

    @Test
    void theWindowIsBoundedAndSaysSoWhenTyped() {
        Page page = loadedBowl(desktop(BOWL));
        Locator field = id(page, "window-input");
        field.fill("0, 1e-300, 0, 1e-300");
        field.press("Enter");
        assertThat(id(page, "window-error")).hasText("the window's x range must be at least 1e-6 long, got 1e-300");
        assertThat(field).hasAttribute("aria-invalid", "true");
        field.fill("-1e300, 1e300, -1, 1");
        field.press("Enter");
        assertThat(id(page, "window-error")).hasText("the window must lie within ±1e6, got -1e300");
        field.fill("0, 100, 0, 1");
        field.press("Enter");
        assertThat(id(page, "window-error")).containsText("at most 20 times wider than tall");
        assertThat(page).not().hasURL(Pattern.compile("window="));

        // The wheel stops at the bound instead of going on to 1e-300.
        double[] at = pagePx(page, BOWL_WINDOW, 0.5, 0.5);
        page.mouse().move(at[0], at[1]);
        for (int i = 0; i < 40; i++) {
            page.mouse().wheel(0, -2000);
        }
        assertThat(id(page, "window-note")).containsText("as far as the map zooms");
        page.waitForCondition(() -> id(page, "zoom-in").isDisabled());
        double[] w = awaitLinkWindow(page, null);
        assertThat(w[3] - w[2]).as("the smaller side, stopped on its bound").isGreaterThanOrEqualTo(1e-6).isLessThan(1.01e-6);
        // still about the point under the pointer, (0.5, 0.5) to a pixel of the first window (0.011)
        for (double edge : w) {
            assertThat(edge).isCloseTo(0.5, within(0.02));
        }

        // A link's window beyond the bounds is ignored, like a malformed one.
        Page linked = desktop(BOWL + "&window=0,1e-300,0,1e-300");
        loadedBowl(linked);
        assertThat(linked).not().hasURL(Pattern.compile("window="));
    }

    /** One touch event through Chromium's real input pipeline: type and each finger's (x, y). */
    private static void touch(CDPSession cdp, String type, double[]... fingers) {
        JsonObject args = new JsonObject();
        args.addProperty("type", type);
        JsonArray points = new JsonArray();
        for (int i = 0; i < fingers.length; i++) {
            JsonObject p = new JsonObject();
            p.addProperty("x", fingers[i][0]);
            p.addProperty("y", fingers[i][1]);
            p.addProperty("id", i);
            points.add(p);
        }
        args.add("touchPoints", points);
        cdp.send("Input.dispatchTouchEvent", args);
    }

    /** Two fingers from (a0, b0) to (a1, b1) in steps, then lifted. */
    private static void twoFingers(CDPSession cdp, double[] a0, double[] b0, double[] a1, double[] b1) {
        touch(cdp, "touchStart", a0, b0);
        int steps = 8;
        for (int k = 1; k <= steps; k++) {
            double t = (double) k / steps;
            touch(cdp, "touchMove",
                    new double[] {a0[0] + t * (a1[0] - a0[0]), a0[1] + t * (a1[1] - a0[1])},
                    new double[] {b0[0] + t * (b1[0] - b0[0]), b0[1] + t * (b1[1] - b0[1])});
        }
        touch(cdp, "touchEnd");
    }

    @Test
    void twoFingersPinchAndDragTheMapOnAPhoneAndATapStillSetsTheStart() {
        Page page = loadedBowl(phone(BOWL));
        page.getByTestId("canvas").scrollIntoViewIfNeeded();
        CDPSession cdp = page.context().newCDPSession(page);
        double scrollY = ((Number) page.evaluate("() => window.scrollY")).doubleValue();

        // Fingers 60 px apart around world (1, 1) spread to 120 px: twice as close.
        double[] c = pagePx(page, BOWL_WINDOW, 1, 1);
        twoFingers(cdp, new double[] {c[0] - 30, c[1]}, new double[] {c[0] + 30, c[1]},
                new double[] {c[0] - 60, c[1]}, new double[] {c[0] + 60, c[1]});
        double[] pinched = awaitLinkWindow(page, null);
        assertThat(pinched[1] - pinched[0]).as("half as wide").isCloseTo(4, within(0.01));
        assertKeepsPlace(page, BOWL_WINDOW, pinched, 1, 1);
        assertThat(((Number) page.evaluate("() => window.scrollY")).doubleValue()).as("the page stayed").isEqualTo(scrollY);

        // Both fingers 50 px to the right: the window moves 50 px' worth of world to the left.
        double[] p = plot(page);
        double[] m = pagePx(page, pinched, 0, 0);
        twoFingers(cdp, new double[] {m[0] - 30, m[1]}, new double[] {m[0] + 30, m[1]},
                new double[] {m[0] + 20, m[1]}, new double[] {m[0] + 80, m[1]});
        double[] dragged = awaitLinkWindow(page, pinched);
        double shift = -50 / p[2] * (pinched[1] - pinched[0]);
        assertThat(dragged[0]).isCloseTo(pinched[0] + shift, within(0.01));
        assertThat(dragged[2]).isCloseTo(pinched[2], within(0.01));
        assertThat(page.locator("#start-x")).hasValue("-3.5");

        // One finger taps: the start moves there, as before.
        double[] tap = pagePx(page, dragged, 0.5, 0.5);
        page.touchscreen().tap(tap[0], tap[1]);
        assertStart(page, 0.5, 0.5, onePixel(page, dragged));
    }
}
