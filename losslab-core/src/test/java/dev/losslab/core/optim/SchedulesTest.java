package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schedule registry: names, defaults, validation, and the lr each schedule gives. */
class SchedulesTest {

    @Test
    void listsEverySchedule() {
        assertThat(Schedules.names()).containsExactly("constant", "step", "multi-step", "exponential", "inverse-time",
                "cosine", "linear", "polynomial", "cosine-warm-restarts", "warmup-cosine", "one-cycle", "cyclic",
                "reduce-on-plateau");
        for (ScheduleKind kind : Schedules.all()) {
            assertThat(kind.help()).isNotBlank().doesNotContain("\n");
            assertThat(Schedules.create(kind.name(), Map.of(), 1000).name()).isEqualTo(kind.name());
        }
    }

    /** ReduceLROnPlateau's counters, worked by hand on a made-up sequence of losses. */
    @Test
    void reduceOnPlateauCutsLrAfterPatienceUpdatesWithoutImprovementAndWaitsOutItsCooldown() {
        var plateau = new Schedule.ReduceOnPlateau(0.5, 1, 0.5, "abs", 2, 0.2, 1e-8);
        Schedule.Rates rates = plateau.rates(1.0);
        double[] losses = {10, 9.8, 9.7, 9.9, 9.9, 9.8, 9.7, 8, 7.9, 7.8, 7.7, 7.6, 7.5, 7.4};
        // best 10; then 9.8 and 9.7 are not 0.5 better: bad 1, 2 > patience 1 → lr 0.5, cooldown 2.
        // 9.9, 9.9: cooling (bad reset each time); 9.8: bad 1; 9.7: bad 2 → lr 0.25, cooldown 2.
        // 8 is better (and cools); 7.9 cools; 7.8: bad 1; 7.7: bad 2 → max(0.125, min-lr 0.2) = 0.2.
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2};
        assertThat(rates.lr(0)).isEqualTo(expected[0]);
        for (int k = 0; k < losses.length; k++) {
            rates.reached(losses[k]);
            assertThat(rates.lr(k + 1)).as("lr after loss %s (update %d)", losses[k], k + 1).isEqualTo(expected[k + 1]);
        }
        assertThat(plateau.followsLoss()).isTrue();
        assertThatThrownBy(() -> plateau.learningRate(1, 3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaultsArePyTorchsWhereItHasTheClass() {
        assertThat(Schedules.create("constant", Map.of(), 1000)).isEqualTo(new Schedule.Constant());
        assertThat(Schedules.create("step", Map.of(), 1000)).isEqualTo(new Schedule.StepDecay(100, 0.1));
        assertThat(Schedules.create("exponential", Map.of(), 1000)).isEqualTo(new Schedule.Exponential(0.99));
        assertThat(Schedules.create("inverse-time", Map.of(), 1000)).isEqualTo(new Schedule.InverseTime(100));
        // t-max defaults to the run's step budget; eta-min to 0
        assertThat(Schedules.create("cosine", Map.of(), 500)).isEqualTo(new Schedule.Cosine(500, 0));
        assertThat(Schedules.create("cosine", Map.of("t-max", 0.0), 500)).isEqualTo(new Schedule.Cosine(500, 0));
        assertThat(Schedules.create("cosine", Map.of(), 0)).isEqualTo(new Schedule.Cosine(1, 0));
        assertThat(Schedules.create("cosine", Map.of("t-max", 20.0, "eta-min", 0.001), 500))
                .isEqualTo(new Schedule.Cosine(20, 0.001));
        assertThat(Schedules.create("step", Map.of("step-size", 10.0, "gamma", 0.5), 500))
                .isEqualTo(new Schedule.StepDecay(10, 0.5));
        assertThat(Schedules.create("linear", Map.of(), 500)).isEqualTo(new Schedule.Linear(1.0 / 3, 1, 5));
        assertThat(Schedules.create("polynomial", Map.of(), 500)).isEqualTo(new Schedule.Polynomial(5, 1));
        // torch has no default T_0; ours is 100
        assertThat(Schedules.create("cosine-warm-restarts", Map.of(), 500))
                .isEqualTo(new Schedule.CosineWarmRestarts(100, 1, 0));
        // t-max defaults to the step budget less the warm-up (at least 1)
        assertThat(Schedules.create("warmup-cosine", Map.of(), 500))
                .isEqualTo(new Schedule.WarmupCosine(5, 1.0 / 3, 495, 0));
        assertThat(Schedules.create("warmup-cosine", Map.of("warmup-steps", 10.0, "t-max", 0.0), 500))
                .isEqualTo(new Schedule.WarmupCosine(10, 1.0 / 3, 490, 0));
        assertThat(Schedules.create("warmup-cosine", Map.of("warmup-steps", 10.0), 5))
                .isEqualTo(new Schedule.WarmupCosine(10, 1.0 / 3, 1, 0));
        assertThat(Schedules.create("warmup-cosine", Map.of("t-max", 20.0), 500))
                .isEqualTo(new Schedule.WarmupCosine(5, 1.0 / 3, 20, 0));
    }

    @ParameterizedTest(name = "{0} {1}={2} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            cosin        | gamma     | 1         | schedule  | unknown schedule 'cosin': did you mean 'cosine'?
            warmup       | gamma     | 1         | schedule  | unknown schedule 'warmup': did you mean 'warmup-cosine'?
            sawtooth     | gamma     | 1         | schedule  | unknown schedule 'sawtooth'; valid: constant, step, multi-step, exponential, inverse-time, cosine, linear, polynomial, cosine-warm-restarts, warmup-cosine, one-cycle, cyclic, reduce-on-plateau
            step         | tau       | 10        | tau       | the step schedule does not take tau; it takes: step-size, gamma
            constant     | gamma     | 0.5       | gamma     | the constant schedule does not take gamma; it takes no parameters
            cosine       | gamma     | 0.5       | gamma     | the cosine schedule does not take gamma; it takes: t-max, eta-min
            step         | gamma     | 0         | gamma     | gamma must be > 0, got 0
            exponential  | gamma     | NaN       | gamma     | gamma must be > 0, got NaN
            exponential  | gamma     | Infinity  | gamma     | gamma must be > 0, got Infinity
            step         | step-size | 0         | step-size | step-size must be >= 1, got 0
            step         | step-size | 2.5       | step-size | step-size must be a whole number of updates, got 2.5
            inverse-time | tau       | -1        | tau       | tau must be > 0, got -1
            cosine       | t-max     | -5        | t-max     | t-max must be >= 0, got -5
            cosine       | t-max     | 7.5       | t-max     | t-max must be a whole number of updates, got 7.5
            cosine       | eta-min   | -1        | eta-min   | eta-min must be >= 0, got -1
            linear       | gamma     | 0.5       | gamma     | the linear schedule does not take gamma; it takes: start-factor, end-factor, total-iters
            linear       | start-factor | 0      | start-factor | start-factor must be in (0, 1], got 0
            linear       | start-factor | 1.5    | start-factor | start-factor must be in (0, 1], got 1.5
            linear       | end-factor | -0.1     | end-factor | end-factor must be in [0, 1], got -0.1
            linear       | end-factor | NaN      | end-factor | end-factor must be in [0, 1], got NaN
            linear       | total-iters | -1      | total-iters | total-iters must be >= 0, got -1
            linear       | total-iters | 2.5     | total-iters | total-iters must be a whole number of updates, got 2.5
            polynomial   | total-iters | 1e10    | total-iters | total-iters must be a whole number of updates up to 2147483647, got 10000000000
            polynomial   | power     | -1        | power     | power must be >= 0, got -1
            polynomial   | power     | Infinity  | power     | power must be >= 0, got Infinity
            cosine-warm-restarts | t-0 | 0       | t-0       | t-0 must be >= 1, got 0
            cosine-warm-restarts | t-0 | 2.5     | t-0       | t-0 must be a whole number of updates, got 2.5
            cosine-warm-restarts | t-mult | 0.5  | t-mult    | t-mult must be >= 1, got 0.5
            cosine-warm-restarts | t-mult | 1.5  | t-mult    | t-mult must be a whole number, got 1.5
            cosine-warm-restarts | eta-min | -1  | eta-min   | eta-min must be >= 0, got -1
            warmup-cosine | warmup-steps | -1    | warmup-steps | warmup-steps must be >= 0, got -1
            warmup-cosine | warmup-steps | 0.5   | warmup-steps | warmup-steps must be a whole number of updates, got 0.5
            warmup-cosine | start-factor | 0     | start-factor | start-factor must be in (0, 1], got 0
            warmup-cosine | t-max    | 7.5       | t-max     | t-max must be a whole number of updates, got 7.5
            warmup-cosine | eta-min  | -1        | eta-min   | eta-min must be >= 0, got -1
            warmup-cosine | end-factor | 1       | end-factor | the warmup-cosine schedule does not take end-factor; it takes: warmup-steps, start-factor, t-max, eta-min
            """)
    void rejectsWithExactMessage(String schedule, String param, double value, String field, String message) {
        assertThatThrownBy(() -> Schedules.create(schedule, Map.of(param, value), 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    /** Worked by hand for base lr 1; k counts the updates already taken. */
    @ParameterizedTest(name = "{0} k={1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            step         | 0   | 1
            step         | 99  | 1
            step         | 100 | 0.1
            step         | 250 | 0.01
            exponential  | 0   | 1
            exponential  | 2   | 0.9801
            inverse-time | 0   | 1
            inverse-time | 100 | 0.5
            inverse-time | 300 | 0.25
            cosine       | 0   | 1
            cosine       | 250 | 0.5
            cosine       | 500 | 0
            cosine       | 750 | 0.5
            """)
    void defaultSchedulesGiveTheDocumentedLearningRates(String schedule, long k, double lr) {
        assertThat(Schedules.create(schedule, Map.of(), 500).learningRate(1, k)).isCloseTo(lr, within(1e-15));
    }

    /**
     * Worked by hand for base lr 1 from PyTorch's definitions (stepping the recursions by hand where
     * they differ from the closed forms); k counts the updates already taken. c = 1 − √2/2.
     */
    @ParameterizedTest(name = "{0} {1} k={2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            linear               | -                                      | 0   | 0.3333333333333333
            linear               | -                                      | 3   | 0.7333333333333333
            linear               | -                                      | 5   | 1
            linear               | -                                      | 900 | 1
            linear               | start-factor:1;end-factor:0.1;total-iters:30 | 10 | 0.7
            linear               | start-factor:1;end-factor:0.1;total-iters:30 | 45 | 0.1
            linear               | start-factor:0.25;total-iters:0        | 0   | 0.25
            linear               | start-factor:0.25;total-iters:0        | 7   | 0.25
            linear               | start-factor:0.5;total-iters:1         | 1   | 1
            polynomial           | -                                      | 0   | 1
            polynomial           | -                                      | 2   | 0.6
            polynomial           | -                                      | 5   | 0
            polynomial           | -                                      | 9   | 0
            polynomial           | total-iters:4;power:2                  | 2   | 0.25
            polynomial           | total-iters:4;power:2                  | 3   | 0.0625
            polynomial           | total-iters:4;power:0.5                | 3   | 0.5
            polynomial           | total-iters:0                          | 7   | 1
            cosine-warm-restarts | -                                      | 0   | 1
            cosine-warm-restarts | -                                      | 50  | 0.5
            cosine-warm-restarts | -                                      | 100 | 1
            cosine-warm-restarts | -                                      | 250 | 0.5
            cosine-warm-restarts | t-0:10;t-mult:2                        | 10  | 1
            cosine-warm-restarts | t-0:10;t-mult:2                        | 20  | 0.5
            cosine-warm-restarts | t-0:10;t-mult:2                        | 30  | 1
            cosine-warm-restarts | t-0:10;t-mult:2                        | 60  | 0.14644660940672624
            cosine-warm-restarts | t-0:10;t-mult:2                        | 70  | 1
            cosine-warm-restarts | t-0:2;t-mult:3;eta-min:0.5             | 5   | 0.75
            cosine-warm-restarts | t-0:2;t-mult:3;eta-min:0.5             | 8   | 1
            cosine-warm-restarts | t-0:1                                  | 13  | 1
            warmup-cosine        | -                                      | 0   | 0.3333333333333333
            warmup-cosine        | -                                      | 2   | 0.6
            warmup-cosine        | -                                      | 5   | 1
            warmup-cosine        | warmup-steps:10;start-factor:0.1;t-max:20 | 5  | 0.55
            warmup-cosine        | warmup-steps:10;start-factor:0.1;t-max:20 | 10 | 1
            warmup-cosine        | warmup-steps:10;start-factor:0.1;t-max:20 | 20 | 0.5
            warmup-cosine        | warmup-steps:10;start-factor:0.1;t-max:20 | 30 | 0
            warmup-cosine        | warmup-steps:10;start-factor:0.1;t-max:20 | 40 | 0.5
            warmup-cosine        | warmup-steps:1;start-factor:0.2;t-max:4 | 0  | 0.2
            warmup-cosine        | warmup-steps:1;start-factor:0.2;t-max:4 | 1  | 1
            warmup-cosine        | warmup-steps:1;start-factor:0.2;t-max:4 | 3  | 0.5
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 0  | 0.5
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 1  | 0.5
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 3  | 0.25
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 5  | 0
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 6  | 0.14644660940672624
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 7  | 0.5
            warmup-cosine        | warmup-steps:0;start-factor:0.5;t-max:4 | 9  | 1
            """)
    void newSchedulesGiveTheWorkedLearningRates(String schedule, String params, long k, double lr) {
        assertThat(Schedules.create(schedule, TorchFixtureTest.params(params), 500).learningRate(1, k))
                .isCloseTo(lr, within(1e-15));
    }

    /** Restarts far out: T_mult 2 doubles a cycle 61 times before k reaches 2^62, and none overflows. */
    @Test
    void warmRestartsCountCyclesWithoutOverflow() {
        Schedule doubling = new Schedule.CosineWarmRestarts(1, 2, 0);
        // cycles 1, 2, 4, …: cycle i starts at 2^i − 1
        assertThat(doubling.learningRate(1, (1L << 40) - 1)).isEqualTo(1);
        assertThat(doubling.learningRate(1, (1L << 40) - 1 + (1L << 39))).isCloseTo(0.5, within(1e-15));
        Schedule huge = new Schedule.CosineWarmRestarts(Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
        assertThat(huge.learningRate(1, Long.MAX_VALUE - 1)).isBetween(0.0, 1.0);
    }
}
