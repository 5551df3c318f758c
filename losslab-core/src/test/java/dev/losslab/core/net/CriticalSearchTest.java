package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.maps.Job;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.run.Engine;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Critical points by Levenberg–Marquardt on ∇L = 0, against closed forms, a saddle built by hand, and Dauphin's trend. */
class CriticalSearchTest {

    @Test
    void onLeastSquaresItFindsTheNormalEquationsSolutionAMinimum() {
        // Rows x = 1, 2, 4 with y = 3, 5, 4: the line w·x + b through them by least squares solves
        // [[Σx², Σx], [Σx, n]]·(w, b) = (Σxy, Σy): [[21, 7], [7, 3]]·(w, b) = (29, 12), so
        // w = (3·29 − 7·12)/(3·21 − 49) = 3/14 and b = (21·12 − 7·29)/14 = 49/14.
        Examples rows = new Examples("three", 3, 1, new double[] {1, 2, 4}, new double[] {3, 5, 4}, 0);
        Objective o = ModelKind.LINEAR.objective(rows, null, Activation.TANH, null);
        CriticalSearch.Found f = CriticalSearch.from(o, new double[] {-4, 9}, 50, 1e-12, Engine.Checkpoint.NONE);
        assertThat(f.critical()).isTrue();
        assertThat(f.theta()[0]).isCloseTo(3.0 / 14, within(1e-12));
        assertThat(f.theta()[1]).isCloseTo(49.0 / 14, within(1e-12));
        assertThat(f.iterations()).as("a quadratic: Newton's step, once μ has shrunk").isLessThan(15);
        assertThat(f.spectrum().negative()).isZero();
        assertThat(f.spectrum().index()).isZero();
        assertThat(f.spectrum().kind()).isEqualTo("minimum");
    }

    @Test
    void theAllZeroHiddenLayerIsASaddleTheSearchRecognises() {
        // A tanh MLP with every hidden weight and bias 0, output weights 0 and the output bias the
        // labels' mean: every hidden unit is tanh(0) = 0, so ∂L/∂W₂ = 0; ∂L/∂b₂ = 2·mean(b₂ − y) = 0;
        // and ∂L/∂W₁ = ∂L/∂b₁ = 0 through W₂ = 0. Its Hessian pairs W₁ with W₂ off the diagonal only
        // (the W₁ block is 0 through W₂ = 0), so it has negative eigenvalues: a saddle.
        Examples xor = Examples.of(Datasets.get("xor"));
        Objective o = ModelKind.MLP.objective(xor, new int[] {3}, Activation.TANH, Loss.MSE);
        double[] theta = new double[o.network().parameterCount()];
        double mean = java.util.Arrays.stream(xor.labels()).average().orElseThrow();
        theta[theta.length - 1] = mean;
        CriticalSearch.Found f = CriticalSearch.from(o, theta, 10, 1e-12, Engine.Checkpoint.NONE);
        assertThat(f.critical()).isTrue();
        assertThat(f.iterations()).isZero();
        assertThat(f.gradNorm()).isLessThan(1e-15);
        assertThat(f.spectrum().negative()).isPositive();
        assertThat(f.spectrum().kind()).isEqualTo("saddle");
        assertThat(f.spectrum().negative() + f.spectrum().zero()).isLessThan(theta.length);
    }

    @Test
    void criticalPointsWithMoreLossHaveMoreDescentDirections() {
        // Dauphin et al. 2014: among the critical points found along training runs on xor, the
        // highest-loss ones have the largest index.
        Objective o = ModelKind.MLP.objective(Examples.of(Datasets.get("xor")), new int[] {4}, Activation.TANH, Loss.MSE);
        Training.Spec training = new Training.Spec(o, Optimizers.get("gd").configure(Map.of()), "gd", 0.3,
                new Schedule.Constant(), 300, new Batches.Full(), o.network().initialParameters(0));
        List<SaddleStudy.Point> points = SaddleStudy.run(new SaddleStudy.Spec(training, 3, 0, 60, 200, 1e-7), Job.untracked());
        assertThat(points).hasSize(3 * 6);
        List<SaddleStudy.Point> critical = points.stream().filter(p -> p.found().critical())
                .sorted(Comparator.comparingDouble(p -> p.found().loss())).toList();
        assertThat(critical.size()).isGreaterThanOrEqualTo(4);
        double lowest = critical.getFirst().found().spectrum().index();
        double highest = critical.getLast().found().spectrum().index();
        assertThat(critical.getLast().found().loss()).isGreaterThan(2 * critical.getFirst().found().loss());
        assertThat(highest).isGreaterThan(lowest);
        for (SaddleStudy.Point p : critical) {
            assertThat(p.found().gradNorm()).isLessThanOrEqualTo(1e-7);
        }
    }

    @Test
    void badSettingsAreRefused() {
        Objective o = ModelKind.MLP.objective(Examples.of(Datasets.get("xor")), new int[] {4}, Activation.TANH, Loss.MSE);
        double[] theta = o.network().initialParameters(0);
        assertThatThrownBy(() -> CriticalSearch.from(o, theta, 0, 1e-7, Engine.Checkpoint.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("search-steps");
        Training.Spec training = new Training.Spec(o, Optimizers.get("gd").configure(Map.of()), "gd", 0.3,
                new Schedule.Constant(), 10_000, new Batches.Full(), theta);
        assertThatThrownBy(() -> new SaddleStudy.Spec(training, 10, 0, 1, 200, 1e-7))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 2,000");
        Objective wide = ModelKind.MLP.objective(Examples.of(Datasets.get("digits")), new int[] {64}, Activation.TANH, Loss.CE);
        assertThatThrownBy(() -> CriticalSearch.from(wide, wide.network().initialParameters(0), 5, 1e-7, Engine.Checkpoint.NONE))
                .hasMessageContaining("up to 2,000 parameters");
    }
}
