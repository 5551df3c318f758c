package dev.losslab.core.run;

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
 * The gradient noise of surfaces made of the built-in datasets against NumPy working on the same CSV
 * files ({@code tools/data-fixtures/gradient_noise.py}): G, S (np.cov with divisor n), Σ_B for
 * B = 1, 8, 64, and B_simple, at points from the start to near the minimum.
 */
class GradientNoiseFixtureTest {

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = GradientNoiseFixtureTest.class.getResourceAsStream("gradient-noise.json")) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<Map<String, Object>>) root.get("cases")).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void theNoiseIsNumPys(Map<String, Object> c) {
        Landscape l = Landscapes.resolve((String) c.get("spec"));
        for (Map<String, Object> p : (List<Map<String, Object>>) c.get("points")) {
            List<Double> at = (List<Double>) p.get("at");
            Vec2 point = new Vec2(at.get(0), at.get(1));
            List<Double> gradient = (List<Double>) p.get("gradient");
            List<Double> s = (List<Double>) p.get("exampleCovariance");
            for (Map<String, Object> b : (List<Map<String, Object>>) p.get("batches")) {
                int batch = ((Number) b.get("batchSize")).intValue();
                GradientNoise noise = GradientNoise.measure(l, point, batch, 0, 1);
                String where = c.get("spec") + " at " + at + ", B " + batch;
                assertThat(noise.examples()).isEqualTo(((Number) p.get("examples")).intValue());
                double gs = 1e-11 * (Math.abs(gradient.get(0)) + Math.abs(gradient.get(1)));
                assertThat(noise.gradient().x()).as(where).isCloseTo(gradient.get(0), within(gs));
                assertThat(noise.gradient().y()).as(where).isCloseTo(gradient.get(1), within(gs));
                close(noise.exampleCovariance(), s, where + ": S");
                close(noise.batchCovariance(), (List<Double>) b.get("covariance"), where + ": Σ_B");
                double scale = (Double) p.get("noiseScale");
                // near the minimum |G|² is small and rounding in G counts double: 1e-9 relative
                assertThat(noise.noiseScale()).as(where + ": B_simple").isCloseTo(scale, within(1e-9 * scale));
            }
        }
    }

    private static void close(Sym2 m, List<Double> expected, String what) {
        double tolerance = 1e-11 * (Math.abs(expected.get(0)) + Math.abs(expected.get(2)));
        assertThat(m.xx()).as(what).isCloseTo(expected.get(0), within(tolerance));
        assertThat(m.xy()).as(what).isCloseTo(expected.get(1), within(tolerance));
        assertThat(m.yy()).as(what).isCloseTo(expected.get(2), within(tolerance));
    }
}
