package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The 3-D view in a real browser (headless Chromium draws WebGL with SwiftShader): the toggle
 * replaces the map with a WebGL canvas showing the same surface, the race's paths are drawn on it
 * at the same playback step as the racers' cards, the mouse and fingers turn and zoom it, the URL
 * reopens it, and switching surfaces frees what the old one used. Fails on any console or page error.
 */
class View3dPageTest extends BrowserTest {

    /** The racers' colours from palette.json: the tubes are unlit, so these exact colours reach the screen. */
    private static final Map<String, int[]> COLOURS = RACERS.stream().collect(
            Collectors.toMap(name -> name, name -> rgb(palette().path("racers").path("colors").path(name).asText())));
    private static final String HAS_WEBGL = """
            () => {
              const canvas = document.querySelector('[data-testid=view3d] canvas');
              if (!canvas) return 'no canvas';
              // three asked for webgl2 on this canvas, so this returns that same context (or null)
              const gl = canvas.getContext('webgl2');
              if (!gl) return 'no webgl2 context';
              if (gl.isContextLost()) return 'context lost';
              return gl.drawingBufferWidth > 0 && gl.drawingBufferHeight > 0 ? 'webgl2' : 'empty drawing buffer';
            }""";

    /** The step each racer's card shows, in race order, as the 3-D panel's data-shown lists them. */
    private static String cardSteps(Page page) {
        List<String> steps = new ArrayList<>();
        for (String name : RACERS) {
            steps.add(id(page, "step-" + name).textContent().strip());
        }
        return String.join(",", steps);
    }

    @Test
    void theToggleShowsTheRaceOnAWebGLSurfaceAndTheUrlReopensIt() throws IOException {
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        Locator toggle = id(page, "view3d-toggle");
        Locator panel = id(page, "view3d");
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        assertThat(panel).isHidden();

        toggle.click();
        assertThat(toggle).hasAttribute("aria-pressed", "true");
        assertThat(panel).hasAttribute("data-state", "ready", GL_WAIT);
        assertThat(panel.locator("canvas")).isVisible();
        assertThat(page.evaluate(HAS_WEBGL)).isEqualTo("webgl2");
        assertThat(id(page, "canvas")).isHidden(); // the 3-D view took the map's place
        assertThat(panel).hasAttribute("data-surface", "himmelblau");
        assertThat(panel).hasAttribute("data-scale", "log");
        assertThat(panel).hasAttribute("data-minima", "4");
        assertThat(panel).hasAttribute("data-paths", "0");
        assertThat(page).hasURL(Pattern.compile("[?&]view=3d(&|$)"));
        // before the race no racer's colour is anywhere on the surface (so the count below means paths)
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(panel.locator("canvas").screenshot()));
        for (String name : RACERS) {
            assertThat(pixelsOf(before, COLOURS.get(name))).as(name + "'s colour before the race").isLessThan(5);
        }

        // Paused mid-race, the balls in 3-D stand at the steps the cards show.
        page.locator("#speed").fill("3"); // 30 steps per second
        id(page, "run").click();
        assertThat(panel).hasAttribute("data-paths", "3");
        assertThat(id(page, "step-" + RACERS.get(0))).not().hasText("0"); // rolling
        id(page, "pause").click();
        String paused = cardSteps(page);
        assertThat(paused).isNotEqualTo("0,0,0");
        assertThat(panel).hasAttribute("data-shown", paused);

        raceToTheEnd(page, RACERS);
        assertThat(panel).hasAttribute("data-shown", cardSteps(page));
        assertThat(cardSteps(page)).isNotEqualTo(paused);

        // Each racer's path is on screen in its own colour.
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(panel.locator("canvas").screenshot()));
        for (String name : RACERS) {
            // gd's 77 steps partly lie under Adam's path to the same minimum: a few dozen pixels
            assertThat(pixelsOf(picture, COLOURS.get(name))).as(name + "'s path in the 3-D view").isGreaterThan(15);
        }
        screenshot(page, "desktop-himmelblau-3d.png");

        // A reload (or a shared link) reopens the 3-D view.
        page.reload();
        assertThat(id(page, "loss-gd")).hasText("170");
        assertThat(id(page, "view3d-toggle")).hasAttribute("aria-pressed", "true");
        assertThat(panel).hasAttribute("data-state", "ready", GL_WAIT);
        assertThat(panel).hasAttribute("data-surface", "himmelblau");
        assertThat(page.evaluate(HAS_WEBGL)).isEqualTo("webgl2");

        // Back to 2-D: the map returns, the canvas and its context are gone, the URL forgets the view.
        id(page, "view3d-toggle").click();
        assertThat(id(page, "canvas")).isVisible();
        assertThat(panel).isHidden();
        assertThat(panel).hasAttribute("data-state", "off");
        assertThat(panel.locator("canvas")).hasCount(0);
        assertThat(page).not().hasURL(Pattern.compile("view=3d"));
    }

    @Test
    void theMouseTurnsAndZoomsAndSwitchingSurfacesFreesTheOldOne() {
        Page page = desktop(HIMMELBLAU_RACE + "&view=3d");
        Locator panel = id(page, "view3d");
        assertThat(panel).hasAttribute("data-drawn", "himmelblau");
        // the default view: 55° to 65° above the horizon, so no hill hides a ball
        assertThat(panel).hasAttribute("data-camera", Pattern.compile("-?\\d+,\\d+,1\\.00"));
        String home = panel.getAttribute("data-camera");
        int homeAzimuth = Integer.parseInt(home.split(",")[0]), homeElevation = Integer.parseInt(home.split(",")[1]);
        assertThat(homeElevation).isBetween(55, 65);
        String baseline = panel.getAttribute("data-geometries");
        assertThat(Integer.parseInt(baseline)).isPositive();

        Locator canvas = panel.locator("canvas");
        var box = canvas.boundingBox();
        double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
        page.mouse().move(cx, cy);
        page.mouse().down();
        page.mouse().move(cx + box.width / 4, cy - box.height / 6, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        assertThat(panel).not().hasAttribute("data-camera", home);
        String[] turned = panel.getAttribute("data-camera").split(",");
        assertThat(Integer.parseInt(turned[0])).as("dragging right spins the surface").isLessThan(homeAzimuth);
        assertThat(Integer.parseInt(turned[1])).as("dragging up tilts it down").isLessThan(homeElevation);
        page.mouse().wheel(0, -300);
        assertThat(panel).hasAttribute("data-camera", Pattern.compile("-?\\d+,\\d+,0\\.\\d+"));
        canvas.dblclick();
        assertThat(panel).hasAttribute("data-camera", home);

        // Another surface and back: the old surface's geometries are freed, not piled up.
        page.locator("#surface-select").selectOption("rosenbrock");
        assertThat(panel).hasAttribute("data-surface", "rosenbrock");
        assertThat(panel).hasAttribute("data-minima", "1");
        page.locator("#surface-select").selectOption("himmelblau");
        assertThat(panel).hasAttribute("data-drawn", "himmelblau");
        assertThat(panel).hasAttribute("data-geometries", baseline);
        assertThat(page).hasURL(Pattern.compile("surface=himmelblau.*view=3d"));
    }

    @Test
    void atPhoneWidthItFitsAndTwoFingersZoom() throws IOException {
        Page page = phone("/?surface=rosenbrock&optimizers=gd,momentum,adam&view=3d");
        Locator panel = id(page, "view3d");
        assertThat(panel).hasAttribute("data-state", "ready", GL_WAIT);
        assertThat(panel).hasAttribute("data-surface", "rosenbrock");
        assertThat(page.evaluate(HAS_WEBGL)).isEqualTo("webgl2");
        raceToTheEnd(page, RACERS);
        assertThat(panel).hasAttribute("data-paths", "3");
        assertThat(panel).hasAttribute("data-shown", cardSteps(page));
        assertNoHorizontalScroll(page);
        assertThat(panel.locator("canvas").boundingBox().width).isLessThanOrEqualTo(390);

        // the phone's screen with the race controls and the 3-D view on it
        id(page, "run").evaluate("b => b.scrollIntoView({ block: 'start' })");
        screenshot(page, "phone-rosenbrock-3d.png");

        // a pinch, as two touch pointers moving apart: the camera comes closer
        page.evaluate("""
                () => {
                  const c = document.querySelector('[data-testid=view3d] canvas');
                  const r = c.getBoundingClientRect();
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  const send = (type, id, dx) => c.dispatchEvent(new PointerEvent(type, {
                    pointerId: id, pointerType: 'touch', isPrimary: id === 11, bubbles: true,
                    clientX: x + dx, clientY: y }));
                  send('pointerdown', 11, -20); send('pointerdown', 12, 20);
                  for (let k = 1; k <= 5; k++) { send('pointermove', 11, -20 - 10 * k); send('pointermove', 12, 20 + 10 * k); }
                  send('pointerup', 11, -70); send('pointerup', 12, 70);
                }""");
        assertThat(panel).hasAttribute("data-camera", Pattern.compile("-?\\d+,\\d+,0\\.\\d+"));

    }

    @Test
    void withoutWebGLThePanelSaysSoAndTheMapStays() {
        Page page = desktop("/");
        // A browser that cannot draw WebGL, from before the page's own scripts run.
        page.addInitScript("""
                const getContext = HTMLCanvasElement.prototype.getContext;
                HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
                  return type === 'webgl2' || type === 'webgl' ? null : getContext.call(this, type, ...rest);
                };""");
        page.navigate(lab.url(HIMMELBLAU_RACE + "&view=3d"));
        Locator panel = id(page, "view3d");
        assertThat(panel).hasAttribute("data-state", "unavailable");
        assertThat(panel).containsText("cannot draw WebGL");
        assertThat(panel.locator("canvas")).hasCount(0);
        assertThat(id(page, "canvas")).isVisible(); // the map stays, with the race
        assertThat(id(page, "loss-gd")).hasText("170");
        raceToTheEnd(page, RACERS);
    }

    /** How many pixels are within a few units of an sRGB colour. */
    private static int pixelsOf(BufferedImage image, int[] rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (Math.abs(r - rgb[0]) <= 6 && Math.abs(g - rgb[1]) <= 6 && Math.abs(b - rgb[2]) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }
}
