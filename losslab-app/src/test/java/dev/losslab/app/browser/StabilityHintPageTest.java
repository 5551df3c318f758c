package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hint beside each lr states that optimizer's own stability bound at the start (issue 14):
 * on the bowl, whose Hessian is diag(1, 10) everywhere, GD's 2/λmax = 0.2, heavy ball's
 * 2(1 + μ)/λmax = 0.38 at μ = 0.9, Nesterov's 2(1 + μ)/((1 + 2μ)·λmax) = 3.8/28 ≈ 0.1357 — which
 * the bowl's GD lr 0.18 exceeds, so Nesterov's default is 2/3 of it — and none for Adam; at a saddle,
 * no lr is stable.
 */
class StabilityHintPageTest extends BrowserTest {

    @Test
    void eachOptimizerStatesItsOwnBoundOnTheBowl() {
        Page page = desktop("/?surface=bowl&start=1,1&optimizers=gd,momentum,nesterov,adam");
        assertThat(hint(page, "gd")).hasText("< 2/λmax = 0.2 here");
        assertThat(hint(page, "momentum")).hasText("< 2(1+μ)/λmax = 0.38 here");
        // Nesterov's default is 2/3 of the surface's lr, 0.12: inside its bound, where GD's 0.18 is not.
        assertThat(hint(page, "nesterov")).hasText("< 2(1+μ)/((1+2μ)λmax) = 0.1357 here");
        Locator nesterovLr = page.locator("#p-nesterov-lr");
        nesterovLr.fill("0.18");
        nesterovLr.press("Enter");
        assertThat(hint(page, "nesterov")).hasText("≥ 2(1+μ)/((1+2μ)λmax) = 0.1357 here: it overshoots");
        assertThat(hint(page, "nesterov")).hasClass(Pattern.compile("\\bwarn\\b"));
        assertThat(hint(page, "gd")).not().hasClass(Pattern.compile("\\bwarn\\b"));
        assertThat(hint(page, "adam")).hasText("adaptive: steps about lr per coordinate, no 2/λ bound");

        // μ moves the heavy ball's bound: 2(1 + 0.5)/10 = 0.3.
        page.locator("[aria-controls=settings-momentum]").click();
        Locator mu = page.locator("#p-momentum-momentum");
        mu.fill("0.5");
        mu.press("Enter");
        assertThat(hint(page, "momentum")).hasText("< 2(1+μ)/λmax = 0.3 here");
        // And lr past it warns.
        Locator lr = page.locator("#p-momentum-lr");
        lr.fill("0.31");
        lr.press("Enter");
        assertThat(hint(page, "momentum")).hasText("≥ 2(1+μ)/λmax = 0.3 here: it overshoots");
    }

    @Test
    void theRectifiedAdamsFirstStepsAreGradientStepsUnderGradientDescentsBound() {
        Page page = desktop("/?surface=bowl&start=1,1&optimizers=radam");
        assertThat(hint(page, "radam")).hasText("first steps are gradient steps (< 2/λmax = 0.2 here), then about lr per coordinate");
        Locator lr = page.locator("#p-radam-lr");
        lr.fill("0.25");
        lr.press("Enter");
        assertThat(hint(page, "radam")).hasText("first steps are gradient steps: ≥ 2/λmax = 0.2 here, they overshoot");
    }

    @Test
    void atASaddleNoLearningRateIsStable() {
        Page page = desktop("/?surface=saddle&optimizers=gd,momentum");
        assertThat(hint(page, "gd")).containsText("no lr is stable");
        assertThat(hint(page, "momentum")).containsText("no lr is stable");
    }

    private static Locator hint(Page page, String optimizer) {
        return page.locator("#p-" + optimizer + "-lr-hint");
    }
}
