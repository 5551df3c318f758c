package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: "Copy link" and "Embed" give the race as a link or an iframe snippet for /embed, and a
 * shared link can start the race when opened (play=1).
 */
class SharePageTest extends BrowserTest {

    @Test
    void copyLinkAndEmbedGiveTheRaceAsItIsNow() {
        Page page = desktop("/?surface=bowl&optimizers=gd,gd:2&gd:2.lr=0.21");
        assertThat(id(page, "loss-gd:2")).not().isEmpty();
        id(page, "share-link").click();
        assertThat(id(page, "share")).isVisible();
        String link = id(page, "share-text").inputValue();
        assertThat(link).startsWith("http://").contains("/?surface=bowl").contains("optimizers=gd,gd:2").contains("gd:2.lr=0.21");
        id(page, "share-autoplay").check();
        assertThat(id(page, "share-text").inputValue()).endsWith("&play=1");
        id(page, "share-copy").click();
        assertThat(page.locator("#share-done")).hasText("Copied.");

        id(page, "share-embed").click();
        String snippet = id(page, "share-text").inputValue();
        assertThat(snippet).startsWith("<iframe src=\"http://").contains("/embed?surface=bowl&amp;")
                .contains("width=\"700\" height=\"500\"");

        // The snippet follows the page: another lr is in it at once.
        page.locator("#p-gd-lr").fill("0.05");
        page.locator("#p-gd-lr").press("Enter");
        assertThat(id(page, "share-text")).hasValue(java.util.regex.Pattern.compile(".*gd\\.lr=0\\.05.*"));
    }

    @Test
    void aLinkWithPlayStartsTheRaceAndTheEmbedFitsItsFrame() {
        Page page = lab.open("/embed?surface=bowl&optimizers=gd&play=1", 700, 500, false);
        assertThat(id(page, "status-gd")).hasAttribute("data-reason", "converged",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        // The page does not keep play=1: reloading its own URL does not start again by itself.
        assertThat(page.url()).doesNotContain("play=");
        assertNoHorizontalScroll(page);
    }
}
