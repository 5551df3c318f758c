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
import java.util.List;
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

        Landscape copies = withSurface(spec.landscape(), new Copies(spec.landscape().surface(), COPIES));
        RunSpec nd = new RunSpec(copies, spec.optimizerKind(), spec.hyperParameters(),
                spec.learningRate(), spec.schedule(), 0, spec.seed(), spec.start(), spec.maxSteps(), 0);
        Outcomes point = Engine.run(nd, starts, 1, null, Engine.Checkpoint.NONE);
        assertThat(point.stop(0).code()).isEqualTo("max-steps");
        assertThat(point.steps(0)).isEqualTo(single.steps());
        for (int c = 0; c < COPIES; c++) {
            assertThat(point.end(0, c)).as("N-D copy %d x", c).isEqualTo(single.last().x());
            assertThat(point.end(0, COPIES + c)).as("N-D copy %d y", c).isEqualTo(single.last().y());
        }
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
