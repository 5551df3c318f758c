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
 * The maps page on surfaces made of data (issue 18): every tab's surface picker lists the catalog's
 * formulas in a "Surfaces" group and its {@code dataSurfaces} in a "Real data" group; on the SGD tab a
 * surface made of data swaps the σ range for a batch-sizes field, and Compute draws one bar per batch
 * size B, labelled "B = …", in the order typed, which the URL keeps.
 *
 * <p>The set-up is the standardized diabetes line: its loss has ∇²f = (2/n)·XᵀX = 2·I, so at lr 0.9
 * &lt; 2/λmax = 1 the full batch (B = n = 442) is stable gradient descent and every run ends at the
 * minimum, while one example's step multiplies the error along (xᵢ, 1) by 1 − 1.8·(1 + xᵢ²), beyond −1
 * for most examples: batches of one blow up (the core's SgdStatsTest measures the same).
 */
class SgdDataPageTest extends BrowserTest {

    private static final String DIABETES = "regression:diabetes:bmi:standardized";
    private static final LocatorAssertions.HasCountOptions WAIT = new LocatorAssertions.HasCountOptions().setTimeout(60_000);

    @Test
    void everyTabsPickerHasTheFormulasThenARealDataGroup() throws Exception {
        JsonNode catalog = JSON.readTree(lab.get("/api/catalog"));
        List<String> data = new ArrayList<>();
        catalog.get("dataSurfaces").forEach(s -> data.add(s.get("name").asText()));
        assertThat(data).contains(DIABETES);
        Page page = desktop("/maps.html");
        assertThat(page.getByTestId("compute")).isEnabled();
        // A tab fills its picker when first shown.
        page.getByTestId("tab-sweep").click();
        assertThat(page.getByTestId("sweep-compute")).isEnabled();
        page.getByTestId("tab-sgd").click();
        assertThat(page.getByTestId("sgd-compute")).isEnabled();
        for (String picker : List.of("surface", "sweep-surface", "sgd-surface")) {
            Locator select = page.getByTestId(picker);
            assertThat(select.locator("optgroup")).hasCount(2);
            assertThat(select.locator("optgroup").first()).hasAttribute("label", "Surfaces");
            assertThat(select.locator("optgroup").nth(1)).hasAttribute("label", "Real data");
            assertThat(select.locator("optgroup").first().locator("option")).hasCount(catalog.get("surfaces").size());
            Locator real = select.locator("optgroup[label='Real data'] option");
            assertThat(real).hasCount(data.size());
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) real.evaluateAll("options => options.map(o => o.value)");
            assertThat(values).as(picker).containsExactlyElementsOf(data);
        }
    }

    @Test
    void theBasinsTabMapsARealDataSurfacePickedFromItsGroup() {
        Page page = desktop("/maps.html?optimizer=gd&grid=12&steps=200");
        assertThat(page.getByTestId("compute")).isEnabled();
        page.getByTestId("surface").selectOption(DIABETES);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*surface=regression.*"));
        page.getByTestId("compute").click();
        // A convex bowl: one minimum, the least-squares line, whose basin is every start.
        Locator minima = page.getByTestId("legend").locator("li[data-kind=minimum]");
        assertThat(minima).hasCount(1, WAIT);
        assertThat(page.getByTestId("status")).containsText("Done");
    }

    @Test
    void aRealDataSurfaceSweepsBatchSizesAndLabelsTheBarsByB() {
        Page page = desktop("/maps.html?tab=sgd&sgd.surface=himmelblau");
        assertThat(page.getByTestId("sgd-compute")).isEnabled();
        assertThat(page.getByTestId("sgd-noise-box")).isVisible();
        assertThat(page.getByTestId("sgd-batch-box")).isHidden();

        page.getByTestId("sgd-surface").selectOption(DIABETES);
        assertThat(page.getByTestId("sgd-batch-box")).isVisible();
        assertThat(page.getByTestId("sgd-noise-box")).isHidden();
        assertThat(page.getByTestId("sgd-batch-sizes")).hasValue("1,4,16,64");
        assertThat(page.getByTestId("sgd-start-x")).hasValue("0");

        // A size beyond the 442 examples is the page's own error, next to the field; nothing is sent.
        page.getByTestId("sgd-batch-sizes").fill("1,500");
        page.getByTestId("sgd-compute").click();
        assertThat(page.locator("#panel-sgd .field-error").first()).containsText("whole numbers from 1 to 442");
        assertThat(page.getByTestId("sgd-chart").getByTestId("sgd-level")).hasCount(0);
        // (only the batch sizes: the server's random port once held "500")
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*batch-sizes=[^&]*500.*"));

        page.getByTestId("sgd-batch-sizes").fill("442,1,8");
        page.getByTestId("sgd-lr").fill("0.9");
        page.getByTestId("sgd-runs").fill("40");
        page.getByTestId("sgd-steps").fill("400");
        page.getByTestId("sgd-compute").click();
        Locator levels = page.getByTestId("sgd-chart").getByTestId("sgd-level");
        assertThat(levels).hasCount(3, WAIT);
        assertThat(page.getByTestId("sgd-status")).containsText("Done");
        assertThat(levels.locator(".sgd-noise")).hasText(new String[] {"B = 442", "B = 1", "B = 8"});
        assertThat(levels.first()).hasAttribute("data-batch-size", "442");
        assertThat(page.locator("#sgd-chart-h")).containsText("per batch size");

        // B = n: gradient descent, every run the same, all at the minimum.
        Locator full = levels.first();
        assertThat(full.locator(".sgd-seg")).hasCount(1);
        assertThat(full.locator(".sgd-seg")).hasAttribute("data-kind", "minimum");
        assertThat(full.locator(".sgd-seg")).hasAttribute("data-share", "100");
        // B = 1: most runs blow up.
        Locator diverged = levels.nth(1).locator(".sgd-seg[data-kind=diverged]");
        assertThat(Double.parseDouble(diverged.getAttribute("data-share"))).isGreaterThan(90);
        assertThat(page.getByTestId("sgd-summary")).containsText("With B = 442: 100 % end at minimum 1;");

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sgd\\.batch-sizes=442(%2C|,)1(%2C|,)8.*"));
        assertThat(page.url()).doesNotContain("sgd.noise");
        screenshot(page, "maps-desktop-sgd-diabetes-batch-sizes.png", true);

        // Back on a formula, the σ range returns.
        page.getByTestId("sgd-surface").selectOption("himmelblau");
        assertThat(page.getByTestId("sgd-noise-box")).isVisible();
        assertThat(page.getByTestId("sgd-batch-box")).isHidden();
        assertThat(page.locator("#sgd-chart-h")).containsText("per noise level");
    }

    @Test
    void aLinkWithBatchSizesReopensThem() {
        Page page = desktop("/maps.html?tab=sgd&sgd.surface=" + DIABETES + "&sgd.batch-sizes=2,32&sgd.runs=10&sgd.steps=200");
        assertThat(page.getByTestId("sgd-compute")).isEnabled();
        assertThat(page.getByTestId("sgd-surface")).hasValue(DIABETES);
        assertThat(page.getByTestId("sgd-batch-sizes")).hasValue("2,32");
        page.getByTestId("sgd-compute").click();
        assertThat(page.getByTestId("sgd-chart").getByTestId("sgd-level").locator(".sgd-noise"))
                .hasText(new String[] {"B = 2", "B = 32"}, new LocatorAssertions.HasTextOptions().setTimeout(60_000));
    }
}
