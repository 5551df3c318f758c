package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the landscape zooms and takes any window — a typed formula was stuck on [−5, 5]² — and
 * the link keeps it.
 */
class WindowPageTest extends BrowserTest {

    @Test
    void zoomButtonsAndATypedWindowMoveTheMapAndTheLinkKeepsThem() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        Locator window = id(page, "window-input");
        assertThat(window).hasValue("-4, 4, -3, 3");
        assertThat(id(page, "zoom-reset")).isDisabled();

        id(page, "zoom-in").click();
        assertThat(window).hasValue("-2, 2, -1.5, 1.5");
        assertThat(page).hasURL(Pattern.compile("window=-2,2,-1\\.5,1\\.5"));
        assertThat(id(page, "zoom-reset")).isEnabled();
        id(page, "zoom-out").click();
        id(page, "zoom-out").click();
        assertThat(window).hasValue("-8, 8, -6, 6");

        window.fill("0, 10, -1, 1");
        window.press("Enter");
        assertThat(page).hasURL(Pattern.compile("window=0,10,-1,1"));
        assertThat(window).hasValue("0, 10, -1, 1");
        window.fill("1, 0, 2");
        window.press("Enter");
        assertThat(id(page, "window-error")).containsText("four numbers");

        id(page, "zoom-reset").click();
        assertThat(window).hasValue("-4, 4, -3, 3");
        assertThat(page).not().hasURL(Pattern.compile("window="));
    }

    @Test
    void aTypedFormulaTakesAWindowFromItsLink() {
        Page page = desktop("/?surface=x%5E2%2By%5E2&window=-20,20,-20,20&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        assertThat(id(page, "window-input")).hasValue("-20, 20, -20, 20");
        // A start far outside [−5, 5]², inside this window.
        page.locator("#start-x").fill("15");
        page.locator("#start-x").press("Enter");
        assertThat(page).hasURL(Pattern.compile("start=15,"));
        assertThat(page).hasURL(Pattern.compile("window=-20,20,-20,20"));
    }

    /**
     * Two clicks of − before the first picture has arrived zoom out twice: the second scales the
     * window the map is on its way to, not the one still drawn (under load in CI, the second click
     * used to scale the old window again and one zoom was lost).
     */
    @Test
    void aSecondZoomBeforeThePictureArrivesCountsToo() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        Locator window = id(page, "window-input");
        assertThat(window).hasValue("-4, 4, -3, 3");
        List<Route> held = holdLandscapes(page);
        id(page, "zoom-out").click();
        page.waitForCondition(() -> held.size() == 1);
        id(page, "zoom-out").click();
        page.waitForCondition(() -> held.size() == 2);
        release(page, held);
        assertThat(window).hasValue("-16, 16, -12, 12");
        assertThat(page).hasURL(Pattern.compile("window=-16,16,-12,12"));
    }

    /**
     * A zoom button shows its window at once, as the wheel does, so a wheel turned before that
     * window's picture arrives zooms further from it (it used to start from the window still drawn,
     * and the button's zoom was lost).
     */
    @Test
    void aWheelRightAfterAZoomClickStartsFromTheZoomedWindow() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        Locator window = id(page, "window-input");
        assertThat(window).hasValue("-4, 4, -3, 3");
        List<Route> held = holdLandscapes(page);
        id(page, "zoom-in").click();
        page.waitForCondition(() -> held.size() == 1);
        // the map already shows [−2, 2] × [−1.5, 1.5]; the wheel zooms in about the centre of the plot
        assertThat(id(page, "canvas")).hasAttribute("data-window", "-2,2,-1.5,1.5");
        BoundingBox box = id(page, "canvas").boundingBox();
        double[] plot = Arrays.stream(id(page, "canvas").getAttribute("data-plot").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        page.mouse().move(box.x + plot[0] + plot[2] / 2, box.y + plot[1] + plot[3] / 2);
        page.mouse().wheel(0, -100);
        page.waitForCondition(() -> held.size() == 2);
        release(page, held);
        page.waitForCondition(() -> page.url().contains("window="));
        Matcher m = Pattern.compile("window=([^&]+)").matcher(page.url());
        org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
        double[] w = Arrays.stream(m.group(1).split(",")).mapToDouble(Double::parseDouble).toArray();
        // one notch zooms by e^-0.2 ≈ 0.82 from the button's 4 wide: about 3.3, not 6.5 from the old 8
        org.assertj.core.api.Assertions.assertThat(w[1] - w[0]).isBetween(3.0, 3.6);
    }

    /**
     * A zoom click while a wheel is still settling (its window previewed, not yet loaded) zooms on
     * from the wheel's window: it used to start from the window loaded and drop the wheel's zoom.
     */
    @Test
    void aZoomClickRightAfterAWheelStartsFromTheWheelsWindow() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        assertThat(id(page, "window-input")).hasValue("-4, 4, -3, 3");
        List<Route> held = holdLandscapes(page);
        BoundingBox box = id(page, "canvas").boundingBox();
        double[] plot = Arrays.stream(id(page, "canvas").getAttribute("data-plot").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        page.mouse().move(box.x + plot[0] + plot[2] / 2, box.y + plot[1] + plot[3] / 2);
        page.mouse().wheel(0, -100);
        id(page, "zoom-in").click();
        page.waitForCondition(() -> !held.isEmpty());
        release(page, held);
        page.waitForCondition(() -> page.url().contains("window="));
        // one notch (× e^-0.2) then the button (× 0.5) from 8 wide: about 3.3; the click alone would give 4
        page.waitForCondition(() -> {
            double[] w = urlWindow(page);
            return w[1] - w[0] < 3.6;
        });
        double[] w = urlWindow(page);
        org.assertj.core.api.Assertions.assertThat(w[1] - w[0]).isBetween(3.0, 3.6);
    }

    /** The window in the page's link. */
    private static double[] urlWindow(Page page) {
        Matcher m = Pattern.compile("window=([^&]+)").matcher(page.url());
        return m.find() ? Arrays.stream(m.group(1).split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {-4, 4, -3, 3};
    }

    /** Holds every landscape request the page makes from now on, so that none of their pictures arrives. */
    private static List<Route> holdLandscapes(Page page) {
        List<Route> held = new CopyOnWriteArrayList<>();
        page.route("**/api/landscape**", held::add);
        return held;
    }

    /** Lets the held landscape requests go on, and the later ones through. */
    private static void release(Page page, List<Route> held) {
        page.unroute("**/api/landscape**");
        for (Route r : held) {
            try {
                r.resume();
            } catch (PlaywrightException aborted) {
                // superseded: the page aborted it
            }
        }
    }
}
