package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BasinRule#at} skips far minima by their squared distance before calling hypot; it must
 * label every point exactly as the plain rule "the nearest minimum whose hypot distance is within
 * reach" does, above all at distances a few ulps either side of the reach.
 */
class BasinRuleTest {

    /** The rule as documented, with hypot for every minimum. */
    private static byte plainRule(Landscape landscape, double x, double y) {
        double reach = Basins.REACH_FRACTION * landscape.window().span();
        byte best = BasinMap.UNCONVERGED;
        double bestDistance = Double.POSITIVE_INFINITY;
        List<Minimum> minima = landscape.knownMinima();
        for (int m = 0; m < minima.size(); m++) {
            double d = Math.hypot(x - minima.get(m).at().x(), y - minima.get(m).at().y());
            if (d <= reach && d < bestDistance) {
                best = (byte) m;
                bestDistance = d;
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(strings = {"himmelblau", "six-hump-camel", "bumpy", "styblinski-tang"})
    void labelsAgreeWithThePlainRuleAtAndAroundTheReach(String surface) {
        Landscape landscape = Catalog.get(surface);
        BasinRule rule = new BasinRule(landscape);
        double reach = Basins.REACH_FRACTION * landscape.window().span();
        SplittableRandom random = new SplittableRandom(7);
        int nearTheEdge = 0;
        for (Minimum minimum : landscape.knownMinima()) {
            for (int n = 0; n < 20_000; n++) {
                double angle = random.nextDouble(2 * Math.PI);
                // Distances hugging the reach within a few ulps, and spread out to three reaches.
                double r = n % 2 == 0
                        ? reach + Math.ulp(reach) * (random.nextInt(9) - 4)
                        : random.nextDouble(3 * reach);
                double x = minimum.at().x() + r * Math.cos(angle);
                double y = minimum.at().y() + r * Math.sin(angle);
                if (Math.abs(Math.hypot(x - minimum.at().x(), y - minimum.at().y()) - reach) < 8 * Math.ulp(reach)) {
                    nearTheEdge++;
                }
                assertThat(rule.at(x, y)).as("(%s, %s)", x, y).isEqualTo(plainRule(landscape, x, y));
            }
        }
        assertThat(nearTheEdge).as("points within a few ulps of the reach").isGreaterThan(1000);
    }
}
