package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.Landscapes;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Surfaces made of the built-in datasets against NumPy and SciPy working on the same CSV files
 * ({@code tools/data-fixtures/generate.py}): values and gradients at fixed points, Hessians, the
 * minimum (lstsq; SciPy's trust-exact), and separability (a linear program).
 */
class DataSurfacesFixtureTest {

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = DataSurfacesFixtureTest.class.getResourceAsStream("surfaces.json")) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<Map<String, Object>>) root.get("cases")).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void valuesGradientsAndMinimaAreNumPys(Map<String, Object> c) {
        Landscape l = Landscapes.resolve((String) c.get("spec"));
        for (Map<String, Object> p : (List<Map<String, Object>>) c.get("points")) {
            List<Double> at = (List<Double>) p.get("at");
            double value = (Double) p.get("value");
            List<Double> gradient = (List<Double>) p.get("gradient");
            assertThat(l.surface().value(at.get(0), at.get(1))).as("f at %s", at).isCloseTo(value, within(1e-12 * Math.abs(value)));
            Vec2 g = l.surface().gradient(at.get(0), at.get(1));
            double scale = 1e-11 * (Math.abs(gradient.get(0)) + Math.abs(gradient.get(1)));
            assertThat(g.x()).as("∂f/∂x at %s", at).isCloseTo(gradient.get(0), within(scale));
            assertThat(g.y()).as("∂f/∂y at %s", at).isCloseTo(gradient.get(1), within(scale));
        }
        List<Double> hessian = (List<Double>) (c.containsKey("hessian") ? c.get("hessian") : c.get("hessianAtOrigin"));
        Sym2 h = l.surface().hessian(c.containsKey("hessian") ? 3.0 : 0, c.containsKey("hessian") ? -7.0 : 0);
        double hs = 1e-12 * (Math.abs(hessian.get(0)) + Math.abs(hessian.get(2)));
        assertThat(h.xx()).isCloseTo(hessian.get(0), within(hs));
        assertThat(h.xy()).isCloseTo(hessian.get(1), within(hs));
        assertThat(h.yy()).isCloseTo(hessian.get(2), within(hs));
        if (c.containsKey("minimum")) {
            List<Double> best = (List<Double>) c.get("minimum");
            assertThat(l.knownMinima()).singleElement().satisfies(m -> {
                double scale = 1e-7 * (Math.abs(best.get(0)) + Math.abs(best.get(1)));
                assertThat(m.at().x()).isCloseTo(best.get(0), within(scale));
                assertThat(m.at().y()).isCloseTo(best.get(1), within(scale));
                assertThat(m.value()).isCloseTo((Double) c.get("minimumValue"), within(1e-12 * (Double) c.get("minimumValue")));
            });
            assertThat(l.window().contains(l.knownMinima().getFirst().at())).isTrue();
        } else {
            assertThat(l.knownMinima()).isEmpty();
            assertThat(l.description()).contains("no minimum");
        }
        if (c.containsKey("separable")) {
            assertThat(((LogisticPair) l.surface()).separable()).isEqualTo(c.get("separable"));
        }
        assertThat(l.window().contains(l.defaultStart())).isTrue();
    }
}
