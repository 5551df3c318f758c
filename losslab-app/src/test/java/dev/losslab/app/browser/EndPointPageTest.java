package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a racer's card says about where its run ended (issue 14): a local minimum the surface does not
 * list is a minimum, numbered; a maximum is a warning, not a success; a noisy run hovers around its
 * minimum rather than "not converging".
 */
class EndPointPageTest extends BrowserTest {

    @Test
    void aLocalMinimumOnRastriginIsAMinimumAndAMaximumIsAWarning() {
        // GD from (2.2, 0.9) settles at Rastrigin's local minimum near (1.99, 0.995); Newton from
        // beside Himmelblau's maximum converges to it.
        Page page = desktop("/?surface=rastrigin&start=2.2,0.9&optimizers=gd");
        assertThat(id(page, "loss-gd")).not().isEmpty();
        raceToTheEnd(page, List.of("gd"));
        assertThat(id(page, "status-gd")).hasText(Pattern.compile(
                "✓ converged in \\d+ steps, at local minimum \\d+ \\(1\\.99, 0\\.995\\)"));
        assertThat(id(page, "status-gd")).hasAttribute("data-end", "minimum");

        Page himmelblau = desktop("/?surface=himmelblau&start=-0.3,-0.9&optimizers=newton");
        assertThat(id(himmelblau, "loss-newton")).not().isEmpty();
        raceToTheEnd(himmelblau, List.of("newton"));
        assertThat(id(himmelblau, "status-newton")).hasText(Pattern.compile(
                "⚠ converged in \\d+ steps? — to a maximum at \\(-0\\.271, -0\\.923\\), not a minimum"));
        assertThat(id(himmelblau, "status-newton")).hasAttribute("data-end", "maximum");
        // Not the green of success.
        Object colour = himmelblau.evaluate("() => getComputedStyle(document.querySelector('[data-testid=status-newton]')).color");
        org.assertj.core.api.Assertions.assertThat(colour).isNotEqualTo(
                himmelblau.evaluate("() => getComputedStyle(document.body).getPropertyValue('--good')"));
        org.assertj.core.api.Assertions.assertThat(colour).isEqualTo("rgb(138, 90, 0)");
    }

    @Test
    void aNoisyRunHoversAroundItsMinimum() {
        Page page = desktop("/?surface=bowl&optimizers=sgd&sgd.noise=0.5");
        assertThat(id(page, "loss-sgd")).not().isEmpty();
        raceToTheEnd(page, List.of("sgd"));
        assertThat(id(page, "status-sgd")).hasText(Pattern.compile(
                "hovering around minimum 1 \\(0, 0\\): the noise keeps it moving \\(1000 steps\\)"));
    }
}
