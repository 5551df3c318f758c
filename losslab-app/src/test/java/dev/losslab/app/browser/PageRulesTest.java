package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's own checks, module by module, as tables (issue 14): settingCheck.js, which keeps a
 * setting the API would refuse out of the maps page's link, against the API itself; and
 * mapWindow.js, the one check on the map's window, against bounds worked by hand.
 */
class PageRulesTest extends BrowserTest {

    /** optimizer, setting, text as typed. */
    private static final String[][] SETTINGS = {
        {"gd", "lr", "0.05"}, {"gd", "lr", "1e-3"}, {"gd", "lr", "0"}, {"gd", "lr", "-1"}, {"gd", "lr", "abc"},
        {"gd", "lr", "NaN"}, {"gd", "lr", "0x10"}, {"gd", "lr", "Infinity"}, {"gd", "lr", "1e999"},
        {"gd", "noise", "0"}, {"gd", "noise", "2.5"}, {"gd", "noise", "-1"},
        {"gd", "seed", "7"}, {"gd", "seed", "-7"}, {"gd", "seed", "12."}, {"gd", "seed", "1e3"}, {"gd", "seed", "x"},
        {"gd", "maximize", "1"}, {"gd", "maximize", "false"}, {"gd", "maximize", "yes"},
        {"gd", "weight-decay", "0"}, {"gd", "weight-decay", "-0.1"},
        {"adam", "beta1", "0"}, {"adam", "beta1", "0.999"}, {"adam", "beta1", "1"}, {"adam", "beta1", "-0.1"},
        {"nesterov", "momentum", "0.9"}, {"nesterov", "momentum", "0"}, {"nesterov", "dampening", "0"},
        {"nesterov", "dampening", "0.1"},
        {"rmsprop", "alpha", "1"}, {"rmsprop", "alpha", "1.01"},
        {"gd-armijo", "c1", "0"}, {"gd-armijo", "c1", "0.5"},
        {"rprop", "etas", "0.5,1.2"}, {"rprop", "etas", "0.5"}, {"rprop", "etas", "0.5,-1"}, {"rprop", "etas", "0.5,abc"},
        {"rprop", "etas", "0.5,1.2,2"}, {"rprop", "step-sizes", "0,50"},
        {"schedule-free-adamw", "warmup-steps", "10"}, {"schedule-free-adamw", "warmup-steps", "2.5"},
        {"schedule-free-adamw", "warmup-steps", "-1"},
    };

    @Test
    void theMapsPageRefusesExactlyWhatTheApiRefusesAndSaysItAsTheApiDoes() throws Exception {
        Page page = desktop("/maps.html");
        assertThat(id(page, "compute")).isEnabled();
        for (String[] c : SETTINGS) {
            String optimizer = c[0], name = c[1], text = c[2];
            Object pageSays = page.evaluate("""
                    async ([optimizer, name, text]) => {
                      const { settingProblem, RUN_SETTINGS } = await import('/static/js/settingCheck.js');
                      const catalog = await (await fetch('/api/catalog')).json();
                      const spec = RUN_SETTINGS[name] ?? catalog.optimizers.find((o) => o.name === optimizer).params.find((p) => p.name === name);
                      return settingProblem(spec, text);
                    }""", List.of(optimizer, name, text));
            HttpResponse<String> api = lab.answer("/api/basins?surface=bowl&grid=2&steps=1&optimizer=" + optimizer
                    + "&" + name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
            String what = optimizer + " " + name + "=" + text;
            if (api.statusCode() == 200) {
                assertThat(pageSays).as(what + ": the API takes it").isNull();
            } else {
                assertThat(api.statusCode()).as(what).isEqualTo(400);
                JsonNode error = JSON.readTree(api.body());
                assertThat(error.get("field").asText()).as(what).isEqualTo(name);
                assertThat(pageSays).as(what + ": the API refuses it with '%s'", error.get("error").asText()).isNotNull();
                // The same sentence, except where the API writes back the number it read rather than the
                // text, and for lr and noise that are not numbers at all: the API words those in its own
                // way ("lr: 'abc' is not a number; …"), the page as it does every other setting.
                boolean notANumber = !text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
                if (!List.of("Infinity", "1e999").contains(text) && !(notANumber && List.of("lr", "noise").contains(name))) {
                    assertThat(pageSays).as(what).isEqualTo(error.get("error").asText());
                }
            }
        }
    }

    /** window as typed → null (shown) or the message, by hand from mapWindow.LIMITS (1e-6, ±1e6, 20:1). */
    private static final String[][] WINDOWS = {
        {"-5, 5, -5, 5", null},
        {"0, 1e-6, 0, 1e-6", null},
        {"-1e6, 1e6, -1e6, 1e6", null},
        {"0, 20, 0, 1", null},
        {"1, 0, 2", "the window takes four numbers: x from, x to, y from, y to"},
        {"0, 1, , 1", "the window takes four numbers: x from, x to, y from, y to"},
        {"0, 1, NaN, 1", "the window takes four numbers: x from, x to, y from, y to"},
        {"1, 0, 0, 1", "the window's x \"from\" must be below its \"to\", got 1 to 0"},
        {"0, 1, 1, 1", "the window's y \"from\" must be below its \"to\", got 1 to 1"},
        {"0, 9e-7, 0, 1e-6", "the window's x range must be at least 1e-6 long, got 9e-7"},
        {"0, 1e-300, 0, 1e-300", "the window's x range must be at least 1e-6 long, got 1e-300"},
        {"0, 1, 0, 1e300", "the window must lie within ±1e6, got 1e300"},
        {"-1000001, 0, 0, 1", "the window must lie within ±1e6, got -1000001"},
        {"0, 21, 0, 1", "the window must be at most 20 times wider than tall (or taller than wide), got 21"},
    };

    @Test
    void theWindowTableAndZoomingStopsOnTheBounds() {
        Page page = desktop("/?surface=bowl&optimizers=gd");
        for (String[] c : WINDOWS) {
            Object says = page.evaluate("async (text) => (await import('/static/js/mapWindow.js')).parse(text).error ?? null", c[0]);
            assertThat(says).as(c[0]).isEqualTo(c[1]);
        }
        // Zooming in 1000× from [0, 8] × [0, 6] about (2, 3) stops where the shorter side is 1e-6
        // (and a hair more, so that rounding keeps it inside); (2, 3) keeps its place, a quarter across.
        Object zoomed = page.evaluate("async () => (await import('/static/js/mapWindow.js')).zoomedWithin([0, 8, 0, 6], 1e-9, [2, 3])");
        List<?> z = (List<?>) ((java.util.Map<?, ?>) zoomed).get("window");
        double[] w = z.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        assertThat(((java.util.Map<?, ?>) zoomed).get("limited")).isEqualTo(true);
        assertThat(w[3] - w[2]).isBetween(1e-6, 1.001e-6);
        assertThat((2 - w[0]) / (w[1] - w[0])).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-9));
        // tidy: edges to 1e-5 of the side, so −2.0000000000000004 is −2
        Object tidy = page.evaluate("async () => (await import('/static/js/mapWindow.js')).tidy([-2.0000000000000004, 2, -1.5, 1.4999999999999998])");
        assertThat(Arrays.toString(((List<?>) tidy).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray()))
                .isEqualTo("[-2.0, 2.0, -1.5, 1.5]");
    }
}
