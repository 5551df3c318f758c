package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine with the optimizers {@link ScalarReference} predates (EngineTest's oracle is frozen
 * old code, so it cannot take them): every point of a batch of 97 ends exactly where it ends as a
 * batch of one — same reason, same step, same doubles. The batches mix points that converge,
 * diverge and run out of steps at different times, so the engine compacts every per-point buffer
 * (LAMB's trust ratio, Prodigy's d and θ₀, Adan's previous gradient, …) while the others go on, and
 * a rule that read another point's coordinates in its per-point sums would show here.
 */
class BatchOfOneTest {

    static Stream<RunBuilder> runs() {
        return Stream.of(
                RunBuilder.on("himmelblau").optimizer("lion").set("lr", 0.01).steps(400).tolerance(1),
                RunBuilder.on("himmelblau").optimizer("lion").set("lr", 0.02).set("weight-decay", 0.1).set("beta1", 0.5)
                        .steps(400).tolerance(2),
                RunBuilder.on("himmelblau").optimizer("adabelief").set("lr", 0.02).steps(400).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adabelief").set("lr", 0.1).set("no-rectify", 1).set("amsgrad", 1)
                        .steps(400).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adan").set("lr", 0.1).set("max-grad-norm", 20).set("weight-decay", 0.01)
                        .steps(400).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("yogi").set("lr", 0.2).set("l1-regularization-strength", 0.01)
                        .steps(400).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("lamb").set("lr", 0.01).set("gamma-l", 0.1).set("weight-decay", 0.01)
                        .steps(400).tolerance(3),
                RunBuilder.on("himmelblau").optimizer("prodigy").set("weight-decay", 0.01).steps(400).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("prodigy").set("use-bias-correction", 1).set("safeguard-warmup", 1)
                        .steps(400).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("ademamix").set("lr", 0.02).set("alpha-warmup", 100)
                        .set("beta3-warmup", 100).set("beta3", 0.99).steps(400).tolerance(0.5),
                RunBuilder.on("rosenbrock").optimizer("adan").set("lr", 0.05).steps(300).tolerance(1e-3),
                RunBuilder.on("ravine").optimizer("prodigy").steps(300).tolerance(1e-3),
                RunBuilder.on("rosenbrock").optimizer("lamb").set("lr", 0.01).steps(300).tolerance(5),
                RunBuilder.on("himmelblau").optimizer("adabelief").set("lr", 0.05).noise(2).steps(300).tolerance(0.5),
                // L-BFGS's pairs at per-point ring positions, each step's first gradient noisy
                RunBuilder.on("himmelblau").optimizer("lbfgs").set("history-size", 4).set("max-iter", 3).noise(0.5)
                        .steps(40).tolerance(1e-2),
                RunBuilder.on("log(x) + y^2").optimizer("lion").set("lr", 0.3).start(0.5, 1));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void eachPointOfABatchEndsWhereItEndsAlone(RunBuilder builder) {
        RunSpec spec = builder.spec();
        int count = 97;
        double[] starts = EngineTest.starts(spec, count);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = 100 + 7L * i;
        }
        Outcomes batch = Engine.run(spec, starts, count, seeds, Engine.Checkpoint.NONE);
        Set<String> stops = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Outcome alone = Engine.run(spec, new double[] {starts[i], starts[count + i]}, 1, new long[] {seeds[i]},
                    Engine.Checkpoint.NONE).get(0);
            // Record equality compares the doubles bit for bit.
            assertThat(batch.get(i)).as("point %d", i).isEqualTo(alone);
            stops.add(alone.stop().code());
            lengths.add(alone.steps());
        }
        assertThat(lengths).as("points leave the batch at different steps: %s, %s", stops, lengths).hasSizeGreaterThan(2);
        assertThat(stops).as("not every point simply runs out of steps").isNotEqualTo(Set.of("max-steps"));
    }
}
