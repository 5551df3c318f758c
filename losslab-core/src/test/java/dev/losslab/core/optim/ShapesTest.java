package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.run.RunBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * torch.optim parity in the engine's three shapes. Every fixture run (a 2-D point, checked against
 * PyTorch by {@link TorchFixtureTest}) is run again
 * <ul>
 *   <li>as a batch: {@value #COPIES} copies of its start in one batch, each ending on the single run's
 *       last point, bit for bit;</li>
 *   <li>in N dimensions: one point of 2·{@value #COPIES} parameters on a surface that is
 *       {@value #COPIES} independent copies of the fixture's surface. In the batch layout such a point
 *       is the same array as a batch of {@value #COPIES} 2-D points (its x's first, then its y's), so
 *       each copy must end on the single run's last point too, and so within the fixture's tolerance
 *       of torch's.</li>
 * </ul>
 * Except lbfgs in N dimensions: its dot products and its first step 1/Σ|g_d| span every coordinate of
 * a point, so copies in one point make one coupled problem, whose iterates are not the single run's.
 * Its N-D shape is checked instead against torch's own runs of 4-D problems
 * ({@code fixtures/torch/nd/}, two copies of a fixture surface summed), at every step.
 */
class ShapesTest {

    static final int COPIES = 3;

    static List<TorchFixtureTest.Fixture> fixtures() throws Exception {
        return TorchFixtureTest.fixtures().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aBatchOfCopiesAndAnNDimensionalPointOfCopiesEndWhereTheSingleRunEnds(TorchFixtureTest.Fixture f) {
        Run single = TorchFixtureTest.replay(f);
        RunSpec spec = single.spec();
        double[] starts = new double[2 * COPIES];
        for (int c = 0; c < COPIES; c++) {
            starts[c] = spec.start().x();
            starts[COPIES + c] = spec.start().y();
        }
        if (spec.schedule().followsLoss()) {
            // One lr per step serves every point of a batch, so a schedule that follows a run's own
            // loss is refused there; and the N-D copies' loss is COPIES times the single run's, which
            // such a schedule (an abs threshold) would read differently. One point is all it runs.
            assertThatThrownBy(() -> Engine.run(spec, starts, COPIES, null, Engine.Checkpoint.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("follows one run's own loss");
            return;
        }
        Outcomes batch = Engine.run(spec, starts, COPIES, null, Engine.Checkpoint.NONE);
        for (int c = 0; c < COPIES; c++) {
            assertThat(batch.stop(c)).isEqualTo(single.stopReason());
            assertThat(batch.end(c, 0)).as("batch copy %d x", c).isEqualTo(single.last().x());
            assertThat(batch.end(c, 1)).as("batch copy %d y", c).isEqualTo(single.last().y());
        }

        if (spec.optimizerName().equals("lbfgs")) {
            return;   // coupled in N-D: see the class comment and lbfgsInFourDimensionsMatchesTorch
        }
        Landscape copies = withSurface(spec.landscape(), new Copies(spec.landscape().surface(), COPIES));
        RunSpec nd = new RunSpec(copies, spec.optimizerKind(), spec.hyperParameters(),
                spec.learningRate(), spec.schedule(), 0, 0, spec.seed(), spec.start(), spec.maxSteps(), 0);
        Outcomes point = Engine.run(nd, starts, 1, null, Engine.Checkpoint.NONE);
        assertThat(point.stop(0).code()).isEqualTo("max-steps");
        assertThat(point.steps(0)).isEqualTo(single.steps());
        for (int c = 0; c < COPIES; c++) {
            assertThat(point.end(0, c)).as("N-D copy %d x", c).isEqualTo(single.last().x());
            assertThat(point.end(0, COPIES + c)).as("N-D copy %d y", c).isEqualTo(single.last().y());
        }
    }

    static Stream<TorchFixtureTest.Fixture> fourDimensional() throws Exception {
        Path dir = Path.of(ShapesTest.class.getResource("/fixtures/torch/nd").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().map(TorchFixtureTest::read).toList().stream();
        }
    }

    /**
     * torch's L-BFGS on one point of four coordinates (two copies of a fixture surface summed, laid
     * out as {@link Copies}): the point and the evaluation counts after every step, and the end, held
     * to {@link TorchFixtureTest}'s tolerance.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fourDimensional")
    void lbfgsInFourDimensionsMatchesTorch(TorchFixtureTest.Fixture f) {
        String[] surface = f.run().get("surface").split("\\*");
        Landscape plane = FixtureSurfaces.landscape(surface[0]);
        Landscape copies = withSurface(plane, new Copies(plane.surface(), Integer.parseInt(surface[1])));
        double[] start = Arrays.stream(f.run().get("start").split(",")).mapToDouble(Double::parseDouble).toArray();
        assertThat(start).hasSize(4);
        int lrColumn = f.columns().indexOf("lr");
        int evaluations = f.columns().indexOf("f_evals");
        RunBuilder builder = RunBuilder.on(copies).optimizer(f.run().get("optimizer"))
                .learningRate(Double.parseDouble(f.run().get("lr"))).tolerance(0);
        TorchFixtureTest.params(f.run().get("params")).forEach(builder::set);
        for (double[] row : f.rows()) {
            int k = (int) row[0];
            Outcomes point = Engine.run(builder.steps(k).spec(), start, 1, null, Engine.Checkpoint.NONE);
            assertThat(point.steps(0)).as("%s step %d", f, k).isEqualTo(k);
            for (int d = 0; d < 4; d++) {
                double expected = row[1 + d];
                assertThat(Math.abs(point.end(0, d) - expected) / Math.max(1, Math.abs(expected)))
                        .as("%s step %d θ%d: LossLab %s, torch %s", f, k, d, point.end(0, d), expected)
                        .isLessThanOrEqualTo(TorchFixtureTest.TOLERANCE);
            }
            assertThat(row[lrColumn]).isEqualTo(Double.parseDouble(f.run().get("lr")));
            assertThat(point.functionEvaluations(0)).as("%s step %d f_evals", f, k).isEqualTo((long) row[evaluations]);
            assertThat(point.gradientEvaluations(0)).as("%s step %d g_evals", f, k).isEqualTo((long) row[evaluations + 1]);
        }
        Outcomes whole = Engine.run(builder.steps(Integer.parseInt(f.run().get("steps"))).spec(), start, 1, null,
                Engine.Checkpoint.NONE);
        assertThat(whole.stop(0).code()).as("%s stop", f).isEqualTo(f.end());
        assertThat(whole.steps(0)).as("%s steps", f).isEqualTo((int) f.rows()[f.rows().length - 1][0]);
    }

    private static Landscape withSurface(Landscape l, Surface s) {
        return new Landscape(l.name() + "×" + COPIES, l.title(), l.formula(), l.description(), s, l.window(),
                l.defaultStart(), l.learningRate(), l.adaptiveLearningRate(), l.knownMinima());
    }

    /**
     * f(θ) = Σ_c g(x_c, y_c) over k copies of a 2-D surface g, for one point of 2k coordinates laid out
     * as (x_0 … x_k−1, y_0 … y_k−1): exactly a batch of k 2-D points, so ∇f is g's batch gradient.
     */
    record Copies(Surface plane, int k) implements Surface {

        @Override
        public int dimension() {
            return 2 * k;
        }

        @Override
        public void valueAndGradient(double[] points, int n, double[] values, double[] gradients) {
            if (n != 1) {
                throw new UnsupportedOperationException("one point at a time");
            }
            double[] each = new double[k];
            plane.valueAndGradient(points, k, each, gradients);
            double sum = 0;
            for (double v : each) {
                sum += v;
            }
            values[0] = sum;
        }

        @Override
        public void hessian(double[] points, int n, double[] hessians) {
            throw new UnsupportedOperationException("first-order fixtures only");
        }
    }
}
