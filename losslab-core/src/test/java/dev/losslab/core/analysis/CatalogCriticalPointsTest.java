package dev.losslab.core.analysis;

import static dev.losslab.core.analysis.CriticalPointChecks.assertWellFormed;
import static dev.losslab.core.analysis.CriticalPointChecks.countByKind;
import static dev.losslab.core.analysis.CriticalPointChecks.nearest;
import static dev.losslab.core.analysis.CurvatureKind.DEGENERATE;
import static dev.losslab.core.analysis.CurvatureKind.MAXIMUM;
import static dev.losslab.core.analysis.CurvatureKind.MINIMUM;
import static dev.losslab.core.analysis.CurvatureKind.SADDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The critical-point search on every catalog landscape, in its own window. */
class CatalogCriticalPointsTest {

    /**
     * Known minima that are not critical points, so the search rightly does not find them:
     * Ackley's global minimum is the tip of a cone, where ∇f jumps rather than vanishes.
     */
    private static final Set<String> NON_SMOOTH_MINIMA = Set.of("ackley");

    static Stream<Arguments> landscapes() {
        return Catalog.all().stream().map(l -> Arguments.of(Named.of(l.name(), l)));
    }

    /** Every point well-formed, and every published minimum found, as a minimum, where it should be. */
    @ParameterizedTest
    @MethodSource("landscapes")
    void everyKnownMinimumIsFoundAsAMinimum(Landscape landscape) {
        List<CriticalPoint> points = CriticalPoints.find(landscape);

        assertWellFormed(points, landscape.surface(), landscape.window(), 1e-9);
        if (NON_SMOOTH_MINIMA.contains(landscape.name())) {
            return;
        }
        double reached = Landscape.REACHED_FRACTION * landscape.window().span();
        for (Minimum m : landscape.knownMinima()) {
            CriticalPoint p = nearest(points, m.at());
            assertThat(p.at().distanceTo(m.at())).as("%s: distance to %s", landscape.name(), m.at()).isLessThan(reached);
            assertThat(p.kind()).as("%s at %s", landscape.name(), m.at()).isEqualTo(MINIMUM);
            assertThat(p.value()).isCloseTo(m.value(), within(1e-6 * (1 + Math.abs(m.value()))));
        }
    }

    /**
     * Counts known without this search: quadratics and Rosenbrock have one critical point; the
     * separable Rastrigin and Styblinski–Tang have the products of their 1-D roots (21² and 3²);
     * Himmelblau's nine and the three-hump camel's three minima with two saddles between them are
     * published.
     */
    static Stream<Arguments> knownCounts() {
        return Stream.of(
                Arguments.of("bowl", Map.of(MINIMUM, 1L)),
                Arguments.of("booth", Map.of(MINIMUM, 1L)),
                Arguments.of("matyas", Map.of(MINIMUM, 1L)),
                Arguments.of("rosenbrock", Map.of(MINIMUM, 1L)),
                Arguments.of("ravine", Map.of(MINIMUM, 1L)),
                Arguments.of("saddle", Map.of(SADDLE, 1L)),
                Arguments.of("monkey-saddle", Map.of(DEGENERATE, 1L)),
                Arguments.of("himmelblau", Map.of(MINIMUM, 4L, MAXIMUM, 1L, SADDLE, 4L)),
                Arguments.of("three-hump-camel", Map.of(MINIMUM, 3L, SADDLE, 2L)),
                Arguments.of("styblinski-tang", Map.of(MINIMUM, 4L, MAXIMUM, 1L, SADDLE, 4L)),
                Arguments.of("rastrigin", Map.of(MINIMUM, 121L, MAXIMUM, 100L, SADDLE, 220L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownCounts")
    void countsByKindMatchTheKnownOnes(String name, Map<CurvatureKind, Long> expected) {
        assertThat(countByKind(CriticalPoints.find(Catalog.get(name)))).isEqualTo(expected);
    }
}
