package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every kind of parameter reads its values the same from the three edges (CLI text, JSON values,
 * Java numbers), and refuses bad ones with a message that names it and says what it takes.
 */
class ParamTest {

    private static final Param REAL = Param.real("alpha", "α", 0.99, Range.closed(0, 1), "smoothing");
    private static final Param COUNT = Param.count("step-size", "K", 100, Range.atLeast(1), "updates");
    private static final Param FLAG = Param.flag("amsgrad", "max of v");
    private static final Param PAIR = Param.pair("etas", "η₋,η₊", 0.5, 1.2, Range.above(0), "factors");
    private static final Param LIST = Param.increasingCounts("milestones", "k", List.of(), Range.atLeast(1), "when");
    private static final Param CHOICE = Param.choice("anneal-strategy", "cos", List.of("cos", "linear"), "shape");

    @Test
    void theSameValueReadsAlikeFromTextJsonAndJava() {
        assertThat(REAL.accept("0.5")).isEqualTo(REAL.accept(0.5)).isEqualTo(0.5);
        assertThat(FLAG.accept("true")).isEqualTo(FLAG.accept(true)).isEqualTo(FLAG.accept(1.0)).isEqualTo(FLAG.accept("1"))
                .isEqualTo(1.0);
        assertThat(FLAG.accept(" False ")).isEqualTo(FLAG.accept(false)).isEqualTo(FLAG.accept(0)).isEqualTo(0.0);
        assertThat(PAIR.accept("0.3, 1.5")).isEqualTo(PAIR.accept(List.of(0.3, 1.5))).isEqualTo(PAIR.accept(List.of("0.3", 1.5)))
                .isEqualTo(List.of(0.3, 1.5));
        assertThat(LIST.accept("30,80")).isEqualTo(LIST.accept(List.of(30, 80))).isEqualTo(List.of(30.0, 80.0));
        assertThat(LIST.accept("")).isEqualTo(List.of());
        assertThat(LIST.accept(7)).isEqualTo(List.of(7.0));
        assertThat(CHOICE.accept("linear")).isEqualTo("linear");
        assertThat(COUNT.accept("25")).isEqualTo(25.0);
    }

    @Test
    void defaultsAreInTheFormSettingsHold() {
        assertThat(REAL.defaultValue()).isEqualTo(0.99);
        assertThat(FLAG.defaultValue()).isEqualTo(0.0);
        assertThat(PAIR.defaultValue()).isEqualTo(List.of(0.5, 1.2));
        assertThat(LIST.defaultValue()).isEqualTo(List.of());
        assertThat(CHOICE.defaultValue()).isEqualTo("cos");
        Settings s = Settings.of(List.of(REAL, FLAG, PAIR, LIST, CHOICE), java.util.Map.of("etas", "0.25,2"), name -> null);
        assertThat(s.real("alpha")).isEqualTo(0.99);
        assertThat(s.flag("amsgrad")).isFalse();
        assertThat(s.numbers("etas")).containsExactly(0.25, 2.0);
        assertThat(s.numbers("milestones")).isEmpty();
        assertThat(s.choice("anneal-strategy")).isEqualTo("cos");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            alpha           | 1.5       | alpha must be in [0, 1], got 1.5
            alpha           | fast      | alpha must be a number, got 'fast'
            step-size       | 2.5       | step-size must be a whole number of updates, got 2.5
            step-size       | 3e9       | step-size must be a whole number of updates up to 2147483647, got 3000000000
            amsgrad         | yes       | amsgrad must be true or false (1 or 0), got 'yes'
            etas            | 0.5       | etas takes 2 numbers, got 1 (two numbers, each > 0)
            etas            | 0.5,1,2   | etas takes 2 numbers, got 3 (two numbers, each > 0)
            etas            | 0.5,-1    | etas[1] must be > 0, got -1
            etas            | 0.5,      | etas[1] must be a number, got ''
            milestones      | 30,20     | milestones must increase, but milestones[1] = 20 follows 30
            milestones      | 30,0.5    | milestones[1] must be >= 1, got 0.5
            milestones      | 30,45.5   | milestones[1] must be a whole number of updates, got 45.5
            anneal-strategy | cosine    | anneal-strategy must be cos or linear, got 'cosine'
            """)
    void refusesWithAMessageNamingTheParameter(String name, String given, String message) {
        Param p = List.of(REAL, COUNT, FLAG, PAIR, LIST, CHOICE).stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> p.accept(given)).isInstanceOf(InvalidInputException.class).hasMessage(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(name);
    }

    @Test
    void aListLongerThanTheLimitIsRefused() {
        String many = String.join(",", java.util.stream.IntStream.rangeClosed(1, Param.MAX_LIST_LENGTH + 1)
                .mapToObj(Integer::toString).toList());
        assertThatThrownBy(() -> LIST.accept(many)).hasMessageStartingWith("milestones takes at most 64 numbers, got 65");
    }

    @Test
    void jsonValuesOfTheWrongShapeAreRefused() {
        assertThatThrownBy(() -> REAL.accept(List.of(1.0))).hasMessage("alpha takes a number, got [1.0]");
        assertThatThrownBy(() -> CHOICE.accept(3.0)).hasMessage("anneal-strategy must be cos or linear, got 3");
        assertThatThrownBy(() -> PAIR.accept(true)).hasMessage("etas takes two numbers, each > 0, got true");
    }
}
