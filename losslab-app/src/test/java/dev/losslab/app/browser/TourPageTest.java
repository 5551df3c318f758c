package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guided tour (/tour, issue 6) in a real browser: each of the twelve sections renders its live
 * panel, answers its control with numbers from the API, and links into the lab. Fails on any
 * console error. Screenshots of every section at desktop and phone width go to target/screenshots.
 */
class TourPageTest extends BrowserTest {

    private static final LocatorAssertions.HasAttributeOptions READY =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    private static Locator section(Page page, int n) {
        Locator s = page.locator("#s" + n);
        s.scrollIntoViewIfNeeded();
        assertThat(s).hasAttribute("data-ready", "true", READY);
        return s;
    }

    private static Locator readout(Page page, String n) {
        return page.getByTestId("readout-" + n);
    }

    @Test
    void everySectionDrawsItsPanelAndLinksIntoTheLab() {
        for (boolean onPhone : new boolean[] {false, true}) {
            Page page = onPhone ? phone("/tour") : desktop("/tour");
            for (int n = 1; n <= 10; n++) {
                Locator s = section(page, n);
                assertThat(s.locator("canvas").first()).isVisible();
                assertThat(readout(page, String.valueOf(n))).not().isEmpty();
                assertThat(page.getByTestId("open-lab-" + n)).hasAttribute("href", Pattern.compile("^/\\?surface=.+&start=.+&optimizers=.+"));
                // let the race animations reach their end before the picture is taken
                s.locator(".tour-legend li .end").first().filter(new Locator.FilterOptions().setHasText(Pattern.compile("after")))
                        .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
                screenshot(s, "tour-" + (onPhone ? "phone" : "desktop") + "-section-" + n + ".png");
            }
            assertThat(page.locator(".regime")).hasCount(4);
            assertThat(page.locator(".regime[data-regime]")).hasCount(4);
            assertThat(page.locator(".regime").nth(3)).containsText("divergent");
        }
    }

    @Test
    void theLearningRatePastTwoOverHIsDivergent() {
        Page page = desktop("/tour#s2");
        Locator s = section(page, 2);
        Locator lr = s.locator("[data-control=lr]");
        lr.fill("0.2");
        assertThat(readout(page, "2")).containsText("monotone");
        assertThat(readout(page, "2")).containsText("factor 1 − lr·h = 0.2");
        lr.fill("0.4");
        assertThat(readout(page, "2")).containsText("oscillating");
        lr.fill("0.5");
        assertThat(readout(page, "2")).containsText("orbit");
        lr.fill("0.55");
        assertThat(readout(page, "2")).containsText("divergent");
        assertThat(readout(page, "2")).containsText("factor 1 − lr·h = -1.2");
        // the bowl: the steep direction (λ = 10) sets the limit 2/10
        assertThat(readout(page, "2b")).containsText("2/λmax = 0.2");
        assertThat(readout(page, "2b")).containsText("condition number 10");
        s.locator("[data-control=bowl-lr]").fill("0.21");
        assertThat(readout(page, "2b")).containsText("diverged");
    }

    @Test
    void theExplorerSaysWhenGradientDescentDiverges() {
        Page page = desktop("/tour");
        Locator s = section(page, 1);
        assertThat(readout(page, "1")).containsText("converged");
        s.locator("[data-control=lr]").fill("100");
        assertThat(readout(page, "1")).containsText("divergent");
    }

    @Test
    void newtonFinishesTheBowlInOneStep() {
        Page page = desktop("/tour");
        section(page, 3);
        assertThat(readout(page, "3")).containsText("Newton: converged after 1 step");
        // What the section's text says of momentum holds in its figure (issue 14): on the bowl it
        // circles the bottom long after gradient descent has settled; in the ravine it finishes first.
        String bowl = readout(page, "3").textContent();
        org.assertj.core.api.Assertions.assertThat(stepsOf(bowl, "momentum")).isGreaterThan(2 * stepsOf(bowl, "gradient descent"));
        page.locator("#s3 [data-control=surface]").selectOption("ravine");
        assertThat(readout(page, "3")).containsText("momentum: converged");
        assertThat(readout(page, "3")).containsText("gradient descent: max-steps");
    }

    /** "momentum: converged after 371 steps" → 371. */
    private static int stepsOf(String readout, String racer) {
        var m = java.util.regex.Pattern.compile(racer + ": converged after (\\d+) steps").matcher(readout);
        org.assertj.core.api.Assertions.assertThat(m.find()).as(racer + " converged in: " + readout).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theSaddleReadsTwoMinusTwoAndGradientDescentStaysOnTheAxis() {
        Page page = desktop("/tour");
        Locator s = section(page, 5);
        Locator facts = page.getByTestId("saddle-facts");
        assertThat(facts.locator("[data-field='λ₁']")).hasText("2");
        assertThat(facts.locator("[data-field='λ₂']")).hasText("-2");
        assertThat(facts.locator("[data-field=trace]")).hasText("0");
        assertThat(facts.locator("[data-field=det]")).hasText("-4");
        assertThat(facts.locator("[data-field=kind]")).hasText("saddle");
        assertThat(readout(page, "5")).containsText("slid away");
        s.locator("[data-control=offset]").fill("0");
        assertThat(readout(page, "5")).containsText("stuck on the saddle");
    }

    @Test
    void adamsUncorrectedFirstStepIsThreePointOneSixTimesLonger() {
        Page page = desktop("/tour");
        Locator s = section(page, 6);
        assertThat(readout(page, "6")).hasAttribute("data-ratio", "3.16");
        assertThat(readout(page, "6")).containsText("= (1 − β₁)/√(1 − β₂) = 3.16");
        s.locator("[data-control=beta2]").selectOption("0.99");
        assertThat(readout(page, "6")).hasAttribute("data-ratio", "1");
    }

    @Test
    void noiseMakesSgdLeaveGradientDescentsPath() {
        Page page = desktop("/tour");
        Locator s = section(page, 7);
        assertThat(readout(page, "7")).containsText("start loss 170");
        Locator noise = s.locator("[data-control=noise]");
        noise.fill("0");
        assertThat(readout(page, "7")).containsText("SGD, noise σ 0".isEmpty() ? "" : "SGD ends");
        assertThat(s.getByText("SGD, noise σ 0")).isVisible();
        assertThat(readout(page, "7").getAttribute("data-sgd")).isEqualTo(readout(page, "7").getAttribute("data-gd"));
        noise.fill("20");
        assertThat(s.getByText("SGD, noise σ 20")).isVisible();
        assertThat(readout(page, "7").getAttribute("data-sgd")).isNotEqualTo(readout(page, "7").getAttribute("data-gd"));
        // Issue 14: the table covers the slider's whole range, 0 to 40.
        assertThat(page.getByTestId("basin-shares").locator("tbody tr")).hasCount(5);
        assertThat(page.getByTestId("basin-shares").locator("tbody tr").last().locator("td").first()).hasText("40");
    }

    /**
     * Section 10 (issue 18): the same lessons on real data, every number from the API. Raw diabetes
     * BMI has condition number 26,333 (NumPy: eigenvalues 1432.26 and 0.054391 of (2/n)·XᵀX) and
     * standardized BMI 1; at half of each one's 2/λmax, GD lands in one step on the round bowl and
     * is still crawling on the stretched one after 1,000; past 2/λmax both diverge. SGD with a batch
     * of every example is gradient descent. At (40, 135) the spread of a batch of 8 is
     * tr Σ₈ = 3743.9, of 64 it is 407.60, and B_simple = 23.76 (NumPy, tools/data-fixtures/gradient_noise.py).
     */
    @Test
    void fromToyToRealShowsTheConditionNumberAndTheNoiseScaleOfRealData() {
        Page page = desktop("/tour");
        Locator s = section(page, 10);
        assertThat(page.getByTestId("facts-10")).containsText("condition number 26330 · 2/λmax = 0.001396");
        assertThat(page.getByTestId("facts-10s")).containsText("condition number 1 · 2/λmax = 1");
        Locator a = readout(page, "10");
        assertThat(a).hasAttribute("data-raw", "max-steps");
        assertThat(a).hasAttribute("data-standardized", "converged");
        assertThat(a).containsText("standardized: lr 0.5, converged after 1 step,");
        assertThat(a).containsText("the best line's loss 3890");
        s.locator("[data-control=fraction]").fill("1.1");
        assertThat(a).containsText("lr = 1.1 × 2/λmax");
        assertThat(a).hasAttribute("data-raw", "diverged");
        assertThat(a).hasAttribute("data-standardized", "diverged");

        Locator b = readout(page, "10b");
        assertThat(b).hasAttribute("data-batch", "8");
        assertThat(b).not().containsText("tr Σ_B = 0 ");
        s.locator("[data-control=hops-batch]").fill("9");
        assertThat(b).hasAttribute("data-batch", "442");
        assertThat(b).containsText("B = 442 of 442");
        assertThat(b).containsText("tr Σ_B = 0 on average");
        var losses = Pattern.compile("SGD's loss is (\\S+), gradient descent's (\\S+) ").matcher(b.textContent());
        org.assertj.core.api.Assertions.assertThat(losses.find()).as(b.textContent()).isTrue();
        org.assertj.core.api.Assertions.assertThat(losses.group(1)).as("a batch of every example is GD").isEqualTo(losses.group(2));

        Locator c = readout(page, "10c");
        assertThat(c).containsText("B = 8: spread tr Σ_B = 3744 (measured from 500 batches: ");
        assertThat(c).containsText("B_simple ≈ 23.8 examples");
        s.locator("[data-control=noise-batch]").fill("6");
        assertThat(c).containsText("B = 64: spread tr Σ_B = 407.6 ");
        assertThat(c).containsText("B_simple ≈ 23.8 examples");
        s.locator("[data-control=noise-batch]").fill("9");
        assertThat(c).containsText("B = 442: spread tr Σ_B = 0 (measured from 500 batches: 0)");
    }

    /**
     * Issue 14: each experiment's figure and the control that drives it fit on one screen, at a
     * laptop's, a projector's and a phone's size: once its panel (the control, the readout, the
     * figure) is scrolled into view, the control and the whole figure are inside the viewport.
     */
    @Test
    void everyFigureFitsOnOneScreenWithItsControl() {
        int[][] sizes = {{1280, 900, 0}, {1024, 768, 0}, {390, 844, 1}};
        for (int[] size : sizes) {
            Page page = lab.open("/tour", size[0], size[1], size[2] == 1);
            Locator panels = page.locator(".tour-panel");
            for (int k = 0; k < panels.count(); k++) {
                Locator panel = panels.nth(k);
                panel.scrollIntoViewIfNeeded();
                Locator section = panel.locator("xpath=ancestor::section");
                assertThat(section).hasAttribute("data-ready", "true", READY);
                // the race drawn and its legend filled: the panel has its final size
                panel.locator(".tour-legend li, .iterates canvas, [data-testid=noise-cloud], [data-testid=sharpness-11], "
                        + "[data-testid=index-12]").first().waitFor();
                page.waitForTimeout(200);
                panel.scrollIntoViewIfNeeded();
                String where = size[0] + "×" + size[1] + " " + section.getAttribute("id") + " panel " + k;
                // the control and every figure of the panel (two maps side by side, or stacked on a phone)
                java.util.List<double[]> boxes = new java.util.ArrayList<>();
                boxes.add(box(panel.locator("[data-control], .job").first())); // a slider, or a job's progress bar
                Locator figures = panel.locator(".tour-figure canvas");
                for (int f = 0; f < figures.count(); f++) {
                    boxes.add(box(figures.nth(f)));
                }
                for (double[] b : boxes) {
                    org.assertj.core.api.Assertions.assertThat(b[0]).as(where + ": top").isGreaterThanOrEqualTo(0);
                    org.assertj.core.api.Assertions.assertThat(b[1]).as(where + ": bottom").isLessThanOrEqualTo(size[1]);
                }
            }
        }
    }

    /**
     * Section 11 trains the network and shows the edge of stability: at lr 0.1 the
     * sharpness ends within a few per cent of 2/lr = 20 (docs/NETWORKS.md: 18.2–19.6 from step
     * 700); section 12 finds saddles whose index grows with the loss.
     */
    @Test
    void theEdgeOfStabilityAndManySaddlesAreMeasuredLive() {
        for (boolean onPhone : new boolean[] {false, true}) {
            Page page = onPhone ? phone("/tour#s11") : desktop("/tour#s11");
            Locator edge = section(page, 11);
            assertThat(page.getByTestId("sharpness-11")).isVisible();
            assertThat(readout(page, "11")).containsText(Pattern.compile("lr 0\\.1: .* against 2/lr = 20 \\((8[5-9]|9\\d|10[0-5]) %\\)"));
            assertThat(readout(page, "11")).containsText("lr 0.05:");
            assertThat(page.getByTestId("open-models-11")).hasAttribute("href", Pattern.compile("^/models\\?.*gd:2\\.lr=0\\.05"));
            Locator saddles = section(page, 12);
            assertThat(saddles.getByTestId("index-12")).isVisible();
            assertThat(readout(page, "12")).containsText(Pattern.compile("found a critical point — \\d+ minima, [1-9]\\d* saddles"));
            // searches that found the same point share a dot marked ×k: fewer dots than points, the counts in words
            Matcher found = Pattern.compile("(\\d+) found a critical point").matcher(readout(page, "12").textContent());
            assertThat(found.find()).isTrue();
            int dots = Integer.parseInt(saddles.getByTestId("index-12").getAttribute("data-dots"));
            assertThat(dots).isBetween(1, Integer.parseInt(found.group(1)));
            assertNoHorizontalScroll(page);
            String size = onPhone ? "phone" : "desktop";
            screenshot(edge, "tour-" + size + "-section-11.png");
            screenshot(saddles, "tour-" + size + "-section-12.png");
        }
    }

    /** An element's top and bottom in the viewport, CSS px. */
    private static double[] box(Locator element) {
        var b = element.boundingBox();
        return new double[] {b.y, b.y + b.height};
    }

    @Test
    void theLabLinksToTheTour() {
        Page page = desktop(HIMMELBLAU_RACE);
        page.getByTestId("tour-link").click();
        assertThat(page).hasURL(Pattern.compile("/tour$"));
        assertThat(page.locator("h1")).containsText("tour");
        section(page, 1);
    }
}
