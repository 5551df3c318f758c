package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.run.Engine;
import dev.losslab.core.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Curvature against torch's double backward (float64, {@code tools/torch-fixtures/hessian.py}): H·v,
 * every eigenvalue of the Hessian of small models (torch.linalg.eigvalsh), the sharpness by Lanczos,
 * and the edge-of-stability run, whose sharpness climbs from 7.7 to 2/lr = 20 and hovers there.
 */
class HessianTorchFixtureTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> fixtures() throws IOException {
        try (InputStream in = HessianTorchFixtureTest.class.getResourceAsStream("/fixtures/torch-train/hessian-cases.json")) {
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> small() throws IOException {
        return ((List<Map<String, Object>>) fixtures().get("small")).stream();
    }

    private static double[] array(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> (Double) v).toArray();
    }

    private static Objective objective(Map<String, Object> c) {
        return TrainTorchFixtureTest.objective(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("small")
    @SuppressWarnings("unchecked")
    void hessianProductsAndSpectrumAreTorchs(Map<String, Object> c) {
        Objective o = objective(c);
        double[] theta = o.network().parametersFrom((Map<String, ?>) c.get("init"), "init");
        int n = theta.length;
        double[] v = array(c.get("v"));
        double[] expected = array(c.get("hv"));
        double[] hv = new double[n];
        new HessianVector(o).times(theta, v, hv);
        double scale = 0;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < n; i++) {
            assertThat(hv[i]).as("%s (H·v)[%d]", c.get("name"), i).isCloseTo(expected[i], within(1e-12 * scale));
        }

        double[] eigenvalues = array(c.get("eigenvalues"));
        Curvature curvature = new Curvature(o);
        Curvature.Spectrum spectrum = curvature.spectrum(theta);
        double top = eigenvalues[n - 1];
        for (int i = 0; i < n; i++) {
            assertThat(spectrum.eigenvalues()[i]).as("%s λ%d", c.get("name"), i).isCloseTo(eigenvalues[i], within(1e-11 * top));
        }
        double largest = java.util.Arrays.stream(eigenvalues).map(Math::abs).max().orElseThrow();
        long negative = java.util.Arrays.stream(eigenvalues).filter(x -> x < -1e-6 * largest).count();
        assertThat(spectrum.negative()).isEqualTo((int) negative);
        assertThat(curvature.sharpness(theta)).isCloseTo(top, within(1e-9 * top));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradientDescentRisesToTheEdgeOfStabilityAsInTorch() throws IOException {
        Map<String, Object> c = (Map<String, Object>) fixtures().get("eos");
        Objective o = objective(c);
        double[] theta = o.network().parametersFrom((Map<String, ?>) c.get("init"), "init");
        int steps = ((Double) c.get("steps")).intValue();
        int every = ((Double) c.get("every")).intValue();
        double lr = (Double) c.get("lr");
        Training.Spec spec = new Training.Spec(o, Optimizers.get("gd").configure(Map.of()), "gd", lr, new Schedule.Constant(),
                steps, new Batches.Full(), theta).withSharpnessEvery(every);
        TrainResult result = Training.run(spec, s -> { }, Engine.Checkpoint.NONE);

        List<Double> at = (List<Double>) c.get("at");
        double[] sharpness = array(c.get("sharpness"));
        double[] loss = array(c.get("losses"));
        // Until the sharpness first passes 2/lr the two runs agree to rounding (5e-16 at step 500).
        // Past it, GD is unstable along the top eigenvector (|1 − lr·λ| > 1), which is what the edge
        // of stability is: a rounding's difference grows to 1e-5 of the loss by step 750 and the runs
        // stay that close, a few 1e-4 apart in sharpness, to step 2,000.
        for (int i = 0; i < at.size(); i++) {
            TrainStep s = result.steps().get(at.get(i).intValue());
            boolean beforeTheEdge = s.step() <= 500;
            assertThat(s.loss()).as("loss at step %d", s.step())
                    .isCloseTo(loss[i], within((beforeTheEdge ? 1e-12 : 1e-4) * loss[i]));
            assertThat(s.sharpness()).as("sharpness at step %d", s.step())
                    .isCloseTo(sharpness[i], within((beforeTheEdge ? 1e-10 : 1e-3) * sharpness[i]));
        }
        assertThat(result.steps().get(1).sharpness()).as("only every %d steps", every).isNaN();
        // The story itself: from well below 2/lr, up to it, then hovering there while the loss keeps falling.
        assertThat(sharpness[0]).isLessThan(0.5 * 2 / lr);
        for (int i = 4; i < at.size(); i++) {
            assertThat(sharpness[i]).as("step %s", at.get(i)).isBetween(0.85 * 2 / lr, 1.1 * 2 / lr);
        }
        assertThat(loss[loss.length - 1]).isLessThan(loss[4]);
    }
}
