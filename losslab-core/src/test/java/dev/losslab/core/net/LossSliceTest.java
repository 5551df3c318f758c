package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.linalg.Vectors;
import dev.losslab.core.maps.Job;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.run.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Slices of a network's loss against independent truth: the loss evaluated directly at the points
 * the grid claims, norms worked from the definition of filter normalisation, planes built by hand.
 */
class LossSliceTest {

    /** The 2-4-1 tanh MLP on moons: 17 parameters, 0.weight is 4×2, 2.weight is 1×4. */
    private static Objective moons() {
        return ModelKind.MLP.objective(Examples.of(Datasets.get("moons")), new int[] {4}, Activation.TANH, Loss.MSE);
    }

    private static LossSlice slice(Objective o, Plane plane, double span, int size, List<PathRecorder.Point> path) {
        return LossSlice.compute(o, plane, span, size, path, 1, Job.untracked());
    }

    @Test
    void theGridCentreIsTheLossAtTheCentreToTheBit() {
        Objective o = moons();
        double[] centre = o.network().initialParameters(3);
        Plane plane = new SliceDirections.Random(7).plane(o.network(), centre, List.of());
        LossSlice s = slice(o, plane, 0.7, 41, List.of());
        double direct = moons().evaluate(centre, null);
        assertThat(s.coordinate(20)).isZero();
        assertThat(s.coordinate(0)).isEqualTo(-0.7);
        assertThat(s.coordinate(40)).isEqualTo(0.7);
        assertThat(s.value(20, 20)).isEqualTo(direct);
        assertThat(s.centreLoss()).isEqualTo(direct);
        // and it is a slice, not a constant: the loss moves away from the centre
        assertThat(s.value(0, 0)).isNotEqualTo(direct);
    }

    @Test
    void aParamsSliceIsTheLossWithThoseTwoCoordinatesMoved() {
        Objective o = moons();
        double[] centre = o.network().initialParameters(5);
        SliceDirections dirs = SliceDirections.parse("params:0.weight[3][1],2.bias[0]", o.network(), 0);
        Plane plane = dirs.plane(o.network(), centre, List.of());
        LossSlice s = slice(o, plane, 2, 9, List.of());
        // 0.weight is 4×2 from index 0, 0.bias 4 from 8, 2.weight 1×4 from 12, 2.bias from 16
        int w31 = 3 * 2 + 1;
        int b0 = 16;
        Objective direct = moons();
        for (int j = 0; j < 9; j++) {
            for (int i = 0; i < 9; i++) {
                double[] theta = centre.clone();
                theta[w31] += -2 + i * 0.5;
                theta[b0] += -2 + j * 0.5;
                assertThat(s.value(i, j)).as("(%d, %d)", i, j).isEqualTo(direct.evaluate(theta, null));
            }
        }
    }

    @Test
    void parameterNamesFollowTheStateDictAndBadOnesListTheValidKeys() {
        Network net = new Network(new int[] {2, 16, 16, 1}, Activation.TANH);
        assertThat(ParameterName.parse(net, "0.weight[3][1]", "directions").index()).isEqualTo(3 * 2 + 1);
        assertThat(ParameterName.parse(net, "0.bias[0]", "directions").index()).isEqualTo(32);
        assertThat(ParameterName.parse(net, "2.weight[1][15]", "directions").index()).isEqualTo(48 + 16 + 15);
        assertThat(ParameterName.parse(net, "4.bias[0]", "directions").index()).isEqualTo(net.parameterCount() - 1);
        for (String[] bad : new String[][] {
                {"0.weight[16][0]", "row 16 is beyond the layer's 16 outputs"},
                {"0.weight[0][2]", "column 2 is beyond the layer's 2 inputs"},
                {"1.weight[0][0]", "no layer \"1\""},
                {"6.bias[0]", "no layer \"6\""},
                {"0.weight[0]", "not of the form"}}) {
            assertThatThrownBy(() -> ParameterName.parse(net, bad[0], "directions"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(bad[1])
                    .hasMessageContaining("0.weight[0…15][0…1], 0.bias[0…15], 2.weight[0…15][0…15], 2.bias[0…15], "
                            + "4.weight[0…0][0…15], 4.bias[0…0]");
        }
        assertThatThrownBy(() -> SliceDirections.parse("params:0.bias[1],0.bias[1]", net, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> SliceDirections.parse("params:0.bias[1]", net, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("two parameter names");
        assertThatThrownBy(() -> SliceDirections.parse("hessian", net, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("random, random:SEED, pca or params:");
    }

    @Test
    void filterNormalisedRowsHaveTheNormsOfTheCentresRowsAndBiasesAreZero() {
        Network net = new Network(new int[] {3, 5, 4, 2}, Activation.RELU);
        double[] centre = net.initialParameters(11);
        centre[net.weightOffset(1) + 2 * 5 + 3] *= 40; // one row much longer than the others
        Plane plane = new SliceDirections.Random(1).plane(net, centre, List.of());
        for (double[] d : List.of(plane.first(), plane.second())) {
            for (int l = 0; l < net.layers(); l++) {
                int in = net.width(l);
                for (int o = 0; o < net.width(l + 1); o++) {
                    double dNorm = 0;
                    double cNorm = 0;
                    for (int p = net.weightOffset(l) + o * in; p < net.weightOffset(l) + (o + 1) * in; p++) {
                        dNorm += d[p] * d[p];
                        cNorm += centre[p] * centre[p];
                    }
                    assertThat(Math.sqrt(dNorm)).as("layer %d row %d", l, o).isCloseTo(Math.sqrt(cNorm), within(1e-14 * Math.sqrt(cNorm)));
                    assertThat(d[net.biasOffset(l) + o]).isZero();
                }
            }
        }
        // Seeded: the same seed gives the same plane, another seed another, and not θ₀'s own numbers.
        Plane again = new SliceDirections.Random(1).plane(net, centre, List.of());
        Plane other = new SliceDirections.Random(2).plane(net, centre, List.of());
        assertThat(again.first()).isEqualTo(plane.first());
        assertThat(other.first()).isNotEqualTo(plane.first());
        assertThat(Math.abs(cosine(plane.first(), centre))).isLessThan(0.9);
    }

    @Test
    void projectionRecoversTheCoordinatesOfPointsBuiltInAndOffThePlane() {
        double[] centre = {1, -2, 0.5, 3, 0};
        double[] d1 = {1, 1, 0, 0, 2};
        double[] d2 = {0.5, -1, 2, 0, 1}; // not orthogonal to d1: d1·d2 = 1.5
        // n is orthogonal to both (worked by hand: d1·n = 0, d2·n = 0)
        double[] n = {2, -2, -1.5, 4, 0};
        assertThat(Vectors.dot(d1, n)).isZero();
        assertThat(Vectors.dot(d2, n)).isZero();
        Plane plane = new Plane(centre, d1, d2, "hand-made", List.of());
        for (double[] ab : new double[][] {{0.3, -1.7}, {-4, 2.5}, {0, 0}}) {
            double[] theta = new double[5];
            plane.point(ab[0], ab[1], theta);
            Plane.Projection in = plane.project(theta);
            assertThat(in.alpha()).isCloseTo(ab[0], within(1e-14));
            assertThat(in.beta()).isCloseTo(ab[1], within(1e-14));
            assertThat(in.residual()).isLessThan(1e-14);
            for (int p = 0; p < 5; p++) {
                theta[p] += 0.25 * n[p];
            }
            Plane.Projection off = plane.project(theta);
            assertThat(off.alpha()).isCloseTo(ab[0], within(1e-14));
            assertThat(off.beta()).isCloseTo(ab[1], within(1e-14));
            assertThat(off.residual()).isCloseTo(0.25 * Vectors.norm(n), within(1e-14));
        }
        assertThatThrownBy(() -> new Plane(centre, d1, new double[] {2, 2, 0, 0, 4}, "twice d1", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("parallel");
        assertThatThrownBy(() -> new Plane(centre, d1, new double[5], "random (seed 1)", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("zero");
    }

    @Test
    void aTrajectoryAlongOneLineHasThatLineAsItsFirstDirectionExplainingAll() {
        double[] centre = {0.5, -1, 2, 0, 3, -0.25};
        double[] u = {3, -1, 0, 2, 1, 1};
        double norm = Vectors.norm(u);
        List<double[]> path = new ArrayList<>();
        for (double t : new double[] {-5, -3.5, -1, 0.2, 0.7, 0}) {
            double[] theta = new double[6];
            for (int p = 0; p < 6; p++) {
                theta[p] = centre[p] + t * u[p];
            }
            path.add(theta);
        }
        TrajectoryPca.Result pca = TrajectoryPca.of(path, centre, "plane", "choose another plane");
        for (int p = 0; p < 6; p++) {
            // sign: the largest entry (u[0] = 3) is positive
            assertThat(pca.first()[p]).isCloseTo(u[p] / norm, within(1e-14));
        }
        assertThat(pca.shares()[0]).isCloseTo(1, within(1e-15));
        assertThat(pca.shares()[1]).isZero();
        assertThat(Vectors.dot(pca.second(), pca.second())).isCloseTo(1, within(1e-15));
        assertThat(Vectors.dot(pca.first(), pca.second())).isCloseTo(0, within(1e-15));
        // the error names the caller's field and ends with its advice
        assertThatThrownBy(() -> TrajectoryPca.of(List.of(centre.clone()), centre, "plane", "choose the random plane"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("moves away from the centre")
                .hasMessageEndingWith("; choose the random plane")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("plane");
    }

    @Test
    void aPathThatRunsOffToHugeValuesNeitherOverflowsThePcaNorTheResidual() {
        // A run about to diverge: θ of 1e200, whose squares overflow a double.
        double[] centre = {0, 0, 0};
        List<double[]> path = List.of(new double[] {3e200, 4e200, 0}, new double[] {1.5e200, 2e200, 1e199}, centre);
        TrajectoryPca.Result pca = TrajectoryPca.of(path, centre, "plane", "choose another plane");
        assertThat(pca.first()[0]).isCloseTo(0.6, within(1e-2));
        assertThat(pca.first()[1]).isCloseTo(0.8, within(1e-2));
        assertThat(pca.shares()[0] + pca.shares()[1]).isCloseTo(1, within(1e-12));
        Plane plane = new Plane(centre, new double[] {1, 0, 0}, new double[] {0, 1, 0}, "axes", List.of());
        assertThat(plane.project(new double[] {1e200, 2e200, 3e200}).residual()).isEqualTo(3e200);
    }

    @Test
    void thePcaSpanHoldsEveryShadowWithAMarginInTwoDigits() {
        double[] centre = {0, 0, 0};
        Plane plane = new Plane(centre, new double[] {1, 0, 0}, new double[] {0, 1, 0}, "axes", List.of());
        // the largest |α| or |β| is 3.7 (the residual, 9, does not count): 1.2 · 3.7 = 4.44, up to 4.5
        List<double[]> thetas = List.of(new double[] {1, -2, 9}, new double[] {-3.7, 0.5, 0}, centre);
        assertThat(LossSlice.spanHolding(plane, thetas)).isCloseTo(4.5, within(1e-12));
        // 1.2 · 0.0123 = 0.01476, up to 0.015
        assertThat(LossSlice.spanHolding(plane, List.of(new double[] {0, 0.0123, 0}))).isCloseTo(0.015, within(1e-15));
        // a path that never leaves the centre sets no scale
        assertThat(LossSlice.spanHolding(plane, List.of(centre))).isEqualTo(LossSlice.DEFAULT_SPAN);
    }

    @Test
    void theRecorderKeepsABoundedStrideAndAlwaysTheLastStep() {
        assertThat(PathRecorder.stride(100, 17)).isEqualTo(1);
        assertThat(PathRecorder.pointsFor(100, 17)).isEqualTo(101);
        assertThat(PathRecorder.stride(200, 17)).isEqualTo(1);
        assertThat(PathRecorder.stride(1000, 17)).isEqualTo(5);
        assertThat(PathRecorder.pointsFor(1001, 17)).isLessThanOrEqualTo(PathRecorder.MAX_POINTS);
        assertThat(PathRecorder.pointsFor(1_000_000, 17)).isLessThanOrEqualTo(PathRecorder.MAX_POINTS);
        // 100,000 parameters: 40 points of them fit in 4,000,000 numbers
        assertThat(PathRecorder.pointsFor(1000, 100_000)).isLessThanOrEqualTo(40);
        // four paths of a race share them: 10 points each (stride 112: steps 0, 112, …, 896 and 1000)
        assertThat(PathRecorder.pointsFor(1000, 100_000, 4)).isEqualTo(10);
        assertThat(new PathRecorder(1000, 100_000, 4).every()).isEqualTo(112);

        Objective o = moons();
        PathRecorder recorder = new PathRecorder(7, o.network().parameterCount());
        Training.run(new Training.Spec(o, Optimizers.get("gd").configure(Map.of()), "gd", 0.1, new Schedule.Constant(), 7,
                new Batches.Full(), o.network().initialParameters(3)), recorder, Engine.Checkpoint.NONE);
        assertThat(recorder.path()).extracting(PathRecorder.Point::step).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        PathRecorder sparse = new PathRecorder(1000, o.network().parameterCount());
        TrainResult r = Training.run(new Training.Spec(o, Optimizers.get("gd").configure(Map.of()), "gd", 0.1,
                new Schedule.Constant(), 1003, new Batches.Full(), o.network().initialParameters(3)), sparse, Engine.Checkpoint.NONE);
        assertThat(sparse.path().getLast().step()).isEqualTo(1003);
        assertThat(sparse.path().getLast().theta()).isEqualTo(r.parameters());
        assertThat(sparse.path().get(1).step()).isEqualTo(5);
    }

    @Test
    void aSliceThroughTheTrainedPointHasThePathEndAtItsCentre() {
        Objective o = moons();
        PathRecorder recorder = new PathRecorder(60, o.network().parameterCount());
        Training.run(new Training.Spec(o, Optimizers.get("momentum").configure(Map.of()), "momentum", 0.1,
                new Schedule.Constant(), 60, new Batches.Full(), o.network().initialParameters(3)), recorder, Engine.Checkpoint.NONE);
        double[] trained = recorder.last().theta();
        Plane plane = new SliceDirections.Pca().plane(o.network(), trained, recorder.thetas());
        LossSlice s = slice(o, plane, 3, 21, recorder.path());
        assertThat(plane.explainedVariance()).hasSize(2);
        assertThat(plane.explainedVariance().get(0) + plane.explainedVariance().get(1)).isBetween(0.5, 1.0);
        assertThat(s.path()).hasSize(61);
        LossSlice.PathPoint end = s.path().getLast();
        assertThat(end.alpha()).isZero();
        assertThat(end.beta()).isZero();
        assertThat(end.residual()).isZero();
        assertThat(end.planeLoss()).isEqualTo(end.loss()).isEqualTo(s.centreLoss());
        // The start's shadow: its loss is the training loss at θ₀, its plane loss where the shadow lies.
        LossSlice.PathPoint start = s.path().getFirst();
        assertThat(start.loss()).isEqualTo(moons().evaluate(o.network().initialParameters(3), null));
        double[] shadow = new double[trained.length];
        plane.point(start.alpha(), start.beta(), shadow);
        assertThat(start.planeLoss()).isEqualTo(moons().evaluate(shadow, null));
        double distance = Math.sqrt(squaredDistance(o.network().initialParameters(3), trained));
        assertThat(Math.hypot(Math.hypot(start.alpha(), start.beta()), start.residual())).isCloseTo(distance, within(1e-12 * distance));
    }

    @Test
    void boundsAreCheckedBeforeAnyWorkAndCancellingStops() {
        Objective o = moons();
        assertThatThrownBy(() -> LossSlice.check(o, 1, 202, 0)).hasMessageContaining("grid must be in 2 … 201");
        assertThatThrownBy(() -> LossSlice.check(o, 0, 41, 0)).hasMessageContaining("span must be > 0");
        assertThatThrownBy(() -> LossSlice.check(o, Double.POSITIVE_INFINITY, 41, 0)).hasMessageContaining("span");
        Objective digits = ModelKind.MLP.objective(Examples.of(Datasets.get("digits")), new int[] {64},
                Activation.TANH, null);
        assertThatThrownBy(() -> LossSlice.check(digits, 1, 201, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than the cap of 2e+10").hasMessageContaining("--grid");
        Job job = Job.untracked();
        job.cancel();
        Plane plane = new SliceDirections.Random(0).plane(o.network(), o.network().initialParameters(0), List.of());
        assertThatThrownBy(() -> LossSlice.compute(o, plane, 1, 41, List.of(), 1, job)).isInstanceOf(CancellationException.class);
    }

    private static double cosine(double[] a, double[] b) {
        return Vectors.dot(a, b) / Math.sqrt(Vectors.dot(a, a) * Vectors.dot(b, b));
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int p = 0; p < a.length; p++) {
            s += (a[p] - b[p]) * (a[p] - b[p]);
        }
        return s;
    }
}
