package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the inspector names a point by its curvature only where the slope vanishes. On the side
 * of the bowl both eigenvalues are positive, but it is no minimum: the ground still slopes there.
 */
class InspectorWordsPageTest extends BrowserTest {

    @Test
    void theSideOfABowlIsASlopeNotAMinimum() {
        // the bowl f = (x² + 10y²)/2 from its default start: |∇f| is far from 0
        Page page = desktop("/?surface=bowl&optimizers=gd");
        assertThat(page.locator("#hessian [data-field=kind]")).hasText("slope");
        assertThat(page.locator("#hessian [data-field=meaning]")).containsText("not a critical point");
        assertThat(page.locator("#hessian [data-field=meaning]")).containsText("curves up every way");
    }

    @Test
    void aStartOnTheBottomIsAMinimumAndOneOnASaddleASaddle() {
        Page page = desktop("/?surface=bowl&start=0,0&optimizers=gd");
        assertThat(page.locator("#hessian [data-field=kind]")).hasText("minimum");
        page = desktop("/?surface=saddle&start=0,0&optimizers=gd");
        assertThat(page.locator("#hessian [data-field=kind]")).hasText("saddle");
    }
}
