package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the maps page's Basins tab wrote whatever was in its fields into the page's URL — a half
 * typed "0.", "abc", "NaN", a grid of −3 — so a shared link carried text the API refuses. Now a field
 * holding such text says why under it (once it is left) and the URL keeps the field's last valid value;
 * a link with such text gets the same message and is not repeated.
 */
class BasinsLinkPageTest extends BrowserTest {

    /** The page's query, decoded: name → value. */
    private static Map<String, String> query(Page page) {
        Map<String, String> q = new LinkedHashMap<>();
        String url = page.url();
        int at = url.indexOf('?');
        if (at < 0) return q;
        for (String pair : url.substring(at + 1).split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private Page open(String query) {
        Page page = desktop("/maps.html" + query);
        assertThat(id(page, "compute")).isEnabled();
        return page;
    }

    /**
     * Types text over a field's text, as a person does (all selected, then key by key), then leaves
     * it, which is when it is judged. Empty text: the field is cleared.
     */
    private static void type(Locator field, String text) {
        retype(field, text);
        field.blur();
    }

    private static void retype(Locator field, String text) {
        if (text.isEmpty()) {
            field.fill("");
        } else {
            field.selectText();
            field.pressSequentially(text);
        }
    }

    @Test
    void aFieldHoldingWhatTheApiRefusesSaysWhyAndTheLinkKeepsItsLastValidValue() {
        Page page = open("?surface=himmelblau&optimizer=adam");
        Locator lr = id(page, "param-lr");
        type(lr, "0.05");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("[?&]lr=0\\.05(&|$)"));

        // Half typed: "0." is not yet an lr (it is 0); the link keeps 0.05 while it is typed.
        retype(lr, "0.");
        assertThat(query(page)).containsEntry("lr", "0.05");
        lr.blur();
        assertThat(id(page, "param-lr-message")).hasText("lr must be > 0, got 0.");
        assertThat(lr).hasAttribute("aria-invalid", "true");
        assertThat(query(page)).containsEntry("lr", "0.05");

        for (String[] bad : new String[][] {
                {"abc", "lr must be a number, got 'abc'"},
                {"NaN", "lr must be a number, got 'NaN'"},
                {"-1", "lr must be > 0, got -1"},
                {"1e", "lr must be a number, got '1e'"},
                {"0x10", "lr must be a number, got '0x10'"}}) {
            lr.fill(bad[0]); // pasted
            lr.blur();
            assertThat(id(page, "param-lr-message")).hasText(bad[1]);
            assertThat(query(page)).as("after '%s'", bad[0]).containsEntry("lr", "0.05");
        }
        // Finishing the number clears the message at once; the link follows.
        retype(lr, "0.02");
        assertThat(id(page, "param-lr-message")).hasCount(0);
        assertThat(lr).not().hasAttribute("aria-invalid", "true");
        assertThat(query(page)).containsEntry("lr", "0.02");
        // Empty is the surface's default: no lr in the link.
        type(lr, "");
        assertThat(query(page)).doesNotContainKey("lr");

        // The optimizer's own settings, by the catalog's rules: Adam's β₁ is in [0, 1).
        Locator beta1 = id(page, "param-beta1");
        type(beta1, "1");
        assertThat(id(page, "param-beta1-message")).hasText("beta1 must be in [0, 1), got 1");
        type(beta1, "0.5");
        assertThat(query(page)).containsEntry("beta1", "0.5");
        type(beta1, "");
        assertThat(query(page)).as("empty: the default").doesNotContainKey("beta1");
        // the seed is a whole number
        type(id(page, "param-seed"), "1.5");
        assertThat(id(page, "param-seed-message")).hasText("seed must be a whole number, got '1.5'");
        assertThat(query(page)).as("the 1 typed on the way").containsEntry("seed", "1");

        // Grid and steps: whole numbers within the server's limits.
        String grid = query(page).get("grid");
        for (String bad : new String[] {"-3", "1", "99999", "2.5", ""}) {
            id(page, "grid").fill(bad); // pasted: typed, "99999" would pass a valid 99 on the way
            id(page, "grid").blur();
            assertThat(id(page, "grid-input-message")).hasText("Grid must be a whole number from 2 to 200");
            assertThat(query(page)).as("grid '%s'", bad).containsEntry("grid", grid);
        }
        type(id(page, "steps"), "-1");
        assertThat(id(page, "steps-input-message")).hasText("Steps must be a whole number from 0 to 5,000");
        assertThat(query(page).get("steps")).isEqualTo("1000");

        // Compute with a bad field starts nothing.
        int[] posts = {0};
        page.onRequest(r -> {
            if (r.url().endsWith("/api/jobs") && r.method().equals("POST")) posts[0]++;
        });
        id(page, "compute").click();
        assertThat(id(page, "steps-input-message")).isVisible();
        page.waitForTimeout(300);
        assertThat(posts[0]).isZero();
    }

    @Test
    void aLinkWithWhatTheApiRefusesShowsItUnderTheFieldAndDoesNotRepeatIt() {
        Page page = open("?surface=himmelblau&optimizer=momentum&lr=abc&momentum=-0.5&grid=-3&steps=40");
        assertThat(id(page, "param-lr")).hasValue("abc");
        assertThat(id(page, "param-lr-message")).hasText("lr must be a number, got 'abc'");
        assertThat(id(page, "param-momentum-message")).hasText("momentum must be >= 0, got -0.5");
        Map<String, String> q = query(page);
        assertThat(q).doesNotContainKeys("lr", "momentum").containsEntry("steps", "40");
        assertThat(q.get("grid")).as("the default grid").isEqualTo("128");
    }
}
