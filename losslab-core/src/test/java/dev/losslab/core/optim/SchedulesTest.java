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
        assertThat(Schedules.names()).containsExactly("constant", "step", "multi-step", "exponential", "inverse-time", "cosine");
        for (ScheduleKind kind : Schedules.all()) {
            assertThat(kind.help()).isNotBlank().doesNotContain("\n");
            assertThat(Schedules.create(kind.name(), Map.of(), 1000).name()).isEqualTo(kind.name());
        }
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
    }

    @ParameterizedTest(name = "{0} {1}={2} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            cosin        | gamma     | 1         | schedule  | unknown schedule 'cosin': did you mean 'cosine'?
            zigzag       | gamma     | 1         | schedule  | unknown schedule 'zigzag'; valid: constant, step, multi-step, exponential, inverse-time, cosine
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
}
