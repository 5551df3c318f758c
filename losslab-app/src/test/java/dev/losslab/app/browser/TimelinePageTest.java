package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a timeline under the map follows the race, and dragging it shows any step — the cards,
 * the readout and the Reset button agree with where it was put.
 */
class TimelinePageTest extends BrowserTest {

    @Test
    void theScrubberFollowsTheRaceAndSeeksAnyStep() {
        // GD on the bowl from its default start converges in 100 steps at lr 0.18.
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        assertThat(id(page, "timeline")).isDisabled();
        assertThat(id(page, "timeline-out")).hasText("press Run");
        raceToTheEnd(page, List.of("gd"));
        assertThat(id(page, "timeline")).isEnabled();
        assertThat(id(page, "timeline")).hasAttribute("max", "100");
        assertThat(id(page, "timeline-out")).hasText("100 of 100 · the end");

        id(page, "timeline").fill("37");
        assertThat(id(page, "step-gd")).hasText("37");
        assertThat(id(page, "timeline-out")).hasText("37 of 100 · paused");
        assertThat(id(page, "status-gd")).hasText("rolling…");
        assertThat(id(page, "reset")).isEnabled();
        // Step goes on from there.
        id(page, "step").click();
        assertThat(id(page, "step-gd")).hasText("38");
        assertThat(id(page, "timeline")).hasValue("38");
    }
}
