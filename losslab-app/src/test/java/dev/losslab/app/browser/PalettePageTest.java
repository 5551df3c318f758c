package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page draws with palette.json's colours, the file the PNG plots read too (PaletteTest checks
 * the Java side): what a person sees on the racer cards, the colour map the landscape is painted
 * with, and the basin legend's swatches.
 */
class PalettePageTest extends BrowserTest {

    private static final String BACKGROUND = "e => getComputedStyle(e).backgroundColor";

    @Test
    void theRacerCardsAndTheColourMapAreThePalettes() {
        JsonNode palette = palette();
        Page page = desktop(HIMMELBLAU_RACE);
        assertThat(id(page, "loss-gd")).hasText("170");
        for (String name : RACERS) {
            Locator swatch = page.locator(".racer[data-name=" + name + "] .swatch");
            assertThat(swatch.evaluate(BACKGROUND)).as(name + "'s card")
                    .isEqualTo(cssRgb(palette.path("racers").path("colors").path(name).asText()));
        }
        Object viridis = page.evaluate("async () => Array.from((await import('/static/js/palette.js')).VIRIDIS)");
        List<Integer> expected = new ArrayList<>();
        palette.path("viridis").path("table").forEach(hex -> {
            for (int c : rgb(hex.asText())) {
                expected.add(c);
            }
        });
        assertThat(viridis).as("the page's viridis, shade by shade").isEqualTo(expected);
    }

    @Test
    void theBasinLegendIsThePalettes() {
        JsonNode palette = palette();
        Page page = desktop("/maps.html?surface=himmelblau&optimizer=gd&grid=30");
        page.getByTestId("compute").click();
        Locator rows = page.getByTestId("legend").locator("li");
        assertThat(rows).hasCount(6, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        for (int k = 0; k < 4; k++) {
            assertThat(rows.nth(k).locator(".swatch-box").evaluate(BACKGROUND)).as("minimum " + (k + 1))
                    .isEqualTo(cssRgb(palette.path("basins").path("colors").path(k).asText()));
        }
        for (String kind : List.of("unconverged", "diverged")) {
            String expected = cssRgb(palette.path("outcomes").path(kind).asText());
            assertThat(page.locator("li[data-kind=" + kind + "] .swatch-box").evaluate(BACKGROUND)).as(kind).isEqualTo(expected);
            assertThat(page.locator(".chip-inline." + kind).first().evaluate(BACKGROUND)).as(kind + " in the text").isEqualTo(expected);
        }
    }
}
