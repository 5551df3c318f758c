package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.linalg.Vectors;
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
 * The PCA plane of recorded trajectories against NumPy's SVD ({@code tools/net-fixtures/slice_pca.py}):
 * heavy-ball paths on random quadratics, one with more points than dimensions and one with fewer.
 * Directions agree up to sign, to 1e-9 per entry; the explained shares to 1e-12.
 */
class TrajectoryPcaFixtureTest {

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = TrajectoryPcaFixtureTest.class.getResourceAsStream("/fixtures/slice/pca-trajectories.json")) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<Map<String, Object>>) root.get("cases")).stream();
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void thePlaneIsNumpysTopTwoSingularVectors(Map<String, Object> c) {
        List<double[]> points = ((List<List<Number>>) c.get("points")).stream().map(TrajectoryPcaFixtureTest::array).toList();
        TrajectoryPca.Result pca = TrajectoryPca.of(points, points.getLast(), "directions", "slice another way");
        assertUpToSign(pca.first(), array((List<Number>) c.get("first")));
        assertUpToSign(pca.second(), array((List<Number>) c.get("second")));
        List<Number> shares = (List<Number>) c.get("shares");
        assertThat(pca.shares()[0]).isCloseTo(shares.get(0).doubleValue(), within(1e-12));
        assertThat(pca.shares()[1]).isCloseTo(shares.get(1).doubleValue(), within(1e-12));
    }

    private static void assertUpToSign(double[] got, double[] numpy) {
        double sign = Math.signum(Vectors.dot(got, numpy));
        assertThat(got).hasSameSizeAs(numpy);
        for (int p = 0; p < got.length; p++) {
            assertThat(sign * got[p]).as("entry %d", p).isCloseTo(numpy[p], within(1e-9));
        }
    }

    private static double[] array(List<Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
