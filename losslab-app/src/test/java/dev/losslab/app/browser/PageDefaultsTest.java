package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value a fresh page shows in a field is the API's: what a person reads on each racer's card
 * (lr, noise, seed, every hyper-parameter, the schedule) against /api/surface and /api/catalog asked
 * in the same test, and the maps page's grid, steps and runs against the catalog's defaults. A
 * default copied into the page and left behind when a registry changes fails here.
 */
class PageDefaultsTest extends BrowserTest {

    @Test
    void everyRacerCardStartsAtTheRegistrysDefaults() throws Exception {
        JsonNode catalog = JSON.readTree(lab.get("/api/catalog"));
        int maxRacers = catalog.path("limits").path("maxRacers").asInt();
        List<String> names = new ArrayList<>();
        catalog.path("optimizers").forEach(o -> names.add(o.path("name").asText()));
        for (String surface : List.of("rosenbrock", "himmelblau")) {
            JsonNode perSurface = JSON.readTree(lab.get("/api/surface?surface=" + surface)).path("defaults");
            // at most maxRacers cards on one page: the optimizers in groups
            for (int from = 0; from < names.size(); from += maxRacers) {
                List<String> group = names.subList(from, Math.min(names.size(), from + maxRacers));
                Page page = desktop("/?surface=" + surface + "&optimizers=" + String.join(",", group));
                // the start's loss on a card: the surface, and with it its defaults, has arrived
                assertThat(id(page, "loss-" + group.get(0))).hasText(Pattern.compile("\\d"));
                assertThat(page.locator("#steps")).hasValue(catalog.path("defaults").path("steps").asText());
                for (String name : group) {
                    checkCard(page, name, find(catalog.path("optimizers"), name), perSurface.path(name), catalog.path("defaults"));
                }
            }
        }
    }

    private static void checkCard(Page page, String name, JsonNode optimizer, JsonNode onSurface, JsonNode defaults) {
        String on = name + " on its card";
        assertThat(number(page, "p-" + name + "-lr")).as(on + ": lr").isEqualTo(onSurface.path("lr").asDouble());
        assertThat(number(page, "p-" + name + "-noise")).as(on + ": noise").isEqualTo(onSurface.path("noise").asDouble());
        assertThat(number(page, "p-" + name + "-seed")).as(on + ": seed").isEqualTo(defaults.path("seed").asDouble());
        for (JsonNode p : optimizer.path("params")) {
            String id = "p-" + name + "-" + p.path("name").asText();
            checkParam(page, id, p, on);
        }
        assertThat(page.locator("#p-" + name + "-schedule").inputValue()).as(on + ": schedule")
                .isEqualTo(defaults.path("schedule").asText());
    }

    /**
     * Picking a schedule fills its parameters with that schedule's defaults, also where another
     * schedule has a parameter of the same name and another default (step's γ is 0.1,
     * exponential's 0.99).
     */
    @Test
    void eachScheduleShowsItsOwnDefaults() throws Exception {
        JsonNode catalog = JSON.readTree(lab.get("/api/catalog"));
        Page page = desktop("/?surface=himmelblau&optimizers=gd");
        assertThat(id(page, "loss-gd")).hasText(Pattern.compile("\\d"));
        page.locator("[aria-controls=settings-gd]").click();
        for (JsonNode schedule : catalog.path("schedules")) {
            String name = schedule.path("name").asText();
            page.locator("#p-gd-schedule").selectOption(name);
            for (JsonNode p : schedule.path("params")) {
                checkParam(page, "p-gd-" + p.path("name").asText(), p, name);
            }
        }
    }

    /** A registry parameter's field shows its default, in the form its kind takes. */
    private static void checkParam(Page page, String id, JsonNode p, String on) {
        switch (p.path("kind").asText()) {
            case "flag" -> assertThat(page.locator("#" + id).isChecked()).as(on + ": " + id)
                    .isEqualTo(p.path("default").asBoolean());
            case "choice" -> assertThat(page.locator("#" + id).inputValue()).as(on + ": " + id)
                    .isEqualTo(p.path("default").asText());
            case "numbers" -> {
                List<Double> numbers = new ArrayList<>();
                p.path("default").forEach(v -> numbers.add(v.asDouble()));
                String shown = page.locator("#" + id).inputValue();
                assertThat(shown.isEmpty() ? List.of() : Arrays.stream(shown.split(",")).map(Double::valueOf).toList())
                        .as(on + ": " + id).isEqualTo(numbers);
            }
            default -> assertThat(number(page, id)).as(on + ": " + id).isEqualTo(p.path("default").asDouble());
        }
    }

    @Test
    void theMapsPageStartsAtTheCatalogsDefaults() throws Exception {
        JsonNode defaults = JSON.readTree(lab.get("/api/catalog")).path("defaults");
        Page page = desktop("/maps.html");
        assertThat(page.getByTestId("compute")).isEnabled();
        assertThat(page.getByTestId("grid")).hasValue(defaults.path("basins").path("grid").asText());
        assertThat(page.getByTestId("steps")).hasValue(defaults.path("basins").path("steps").asText());

        page = desktop("/maps.html?tab=sgd");
        assertThat(page.getByTestId("sgd-compute")).isEnabled();
        assertThat(page.getByTestId("sgd-runs")).hasValue(defaults.path("sgdStats").path("runs").asText());
        assertThat(page.getByTestId("sgd-steps")).hasValue(defaults.path("sgdStats").path("steps").asText());
    }

    /** The number in a field, as the page wrote it ("1e-8", "0.9", …). */
    private static double number(Page page, String id) {
        Locator field = page.locator("#" + id);
        return Double.parseDouble(field.inputValue());
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }
}
