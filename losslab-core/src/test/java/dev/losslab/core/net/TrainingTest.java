package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.run.Engine;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The training loop's own rules: batches, schedules, stops, every registry optimizer, the bounds. */
class TrainingTest {

    private static Objective moons() {
        return ModelKind.MLP.objective(Examples.of(Datasets.get("moons")), new int[] {4}, Activation.TANH, Loss.MSE);
    }

    private static TrainResult train(Objective o, String optimizer, double lr, Schedule schedule, int steps, Batches batches) {
        return Training.run(new Training.Spec(o, Optimizers.get(optimizer).configure(Map.of()), optimizer, lr, schedule, steps,
                batches, o.network().initialParameters(3)), s -> { }, Engine.Checkpoint.NONE);
    }

    @Test
    void seededMinibatchesRepeatAndAnEpochOfAllRowsIsTheFullBatch() {
        Objective o = moons();
        TrainResult a = train(o, "sgd", 0.1, new Schedule.Constant(), 30, new Batches.Sampled(16, 5));
        TrainResult b = train(o, "sgd", 0.1, new Schedule.Constant(), 30, new Batches.Sampled(16, 5));
        TrainResult c = train(o, "sgd", 0.1, new Schedule.Constant(), 30, new Batches.Sampled(16, 6));
        assertThat(a.steps()).isEqualTo(b.steps());
        assertThat(a.last().loss()).isNotEqualTo(c.last().loss());
        // A batch of every row, in shuffled order, is the full-data loss up to the order of the sum.
        TrainResult all = train(o, "sgd", 0.1, new Schedule.Constant(), 5, new Batches.Sampled(200, 5));
        TrainResult full = train(o, "sgd", 0.1, new Schedule.Constant(), 5, new Batches.Full());
        for (int k = 0; k < 5; k++) {
            assertThat(all.steps().get(k).batchLoss()).isCloseTo(all.steps().get(k).loss(), within(1e-15));
            assertThat(all.steps().get(k).loss()).isCloseTo(full.steps().get(k).loss(), within(1e-14));
        }
    }

    @Test
    void theLrColumnFollowsTheSchedule() {
        TrainResult r = train(moons(), "momentum", 0.2, new Schedule.StepDecay(3, 0.5), 7, new Batches.Full());
        assertThat(r.steps().stream().limit(7).map(TrainStep::lr).toList())
                .containsExactly(0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05);
        assertThat(r.last().lr()).isNaN();
    }

    @Test
    void aRunThatBlowsUpStopsAsDivergedWithFiniteRowsOnly() {
        TrainResult r = train(moons(), "sgd", 1e6, new Schedule.Constant(), 50, new Batches.Full());
        assertThat(r.stop()).isEqualTo("diverged");
        assertThat(r.detail()).contains("no longer a finite number");
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.loss()).isFinite());
        assertThat(r.steps().size()).isLessThan(51);
    }

    static Stream<OptimizerKind> optimizers() {
        return Optimizers.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void everyOptimizerTrainsANetworkOrIsRefusedSayingWhy(OptimizerKind kind) {
        Objective o = moons();
        double lr = Training.defaultLearningRate(kind);
        var spec = new Training.Spec(o, kind.configure(Map.of()), kind.name(), lr, new Schedule.Constant(), 20,
                new Batches.Full(), o.network().initialParameters(3));
        if (kind.name().contains("newton")) {
            assertThatThrownBy(() -> Training.run(spec, s -> { }, Engine.Checkpoint.NONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("2-D");
            return;
        }
        TrainResult r = Training.run(spec, s -> { }, Engine.Checkpoint.NONE);
        assertThat(r.stop()).as(r.detail()).isIn("max-steps", "converged", "line-search-failed");
        assertThat(r.last().loss()).as("%s after %d steps", kind.name(), r.last().step())
                .isLessThanOrEqualTo(r.steps().getFirst().loss());
    }

    @Test
    void workIsBounded() {
        Objective digits = ModelKind.MLP.objective(Examples.of(Datasets.get("digits")), new int[] {256}, Activation.RELU, null);
        assertThatThrownBy(() -> new Training.Spec(digits, Optimizers.get("adam").configure(Map.of()), "adam", 1e-3,
                new Schedule.Constant(), 100_000, new Batches.Full(), new double[digits.network().parameterCount()]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cap")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("steps");
        Objective wide = ModelKind.MLP.objective(Examples.of(Datasets.get("iris")), new int[] {512}, Activation.TANH, null);
        assertThatThrownBy(() -> new Training.Spec(wide, Optimizers.get("bfgs").configure(Map.of()), "bfgs", 1,
                new Schedule.Constant(), 10, new Batches.Full(), new double[wide.network().parameterCount()]))
                .hasMessageContaining("bfgs keeps state of N² numbers");
        assertThatThrownBy(() -> new Batches.Listed(List.of(new int[] {0, 200})).check(200, 1))
                .hasMessageContaining("batch 0 has row 200");
    }
}
