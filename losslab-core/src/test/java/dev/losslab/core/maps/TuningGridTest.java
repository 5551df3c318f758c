package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TuningGridTest {

    @ParameterizedTest
    @EnumSource(TuningScope.class)
    void everyOptimizerInTheRegistryGetsTheSameNumberOfConfigurations(TuningScope scope) {
        int expected = scope == TuningScope.LR ? 37 : 133;
        assertThat(TuningGrid.size(scope)).isEqualTo(expected);
        for (OptimizerKind kind : Optimizers.all()) {
            assertThat(TuningGrid.of(scope, kind, 0.1).size()).as(kind.name()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2} learning rates")
    @CsvSource(textBlock = """
            LR,              momentum, 37
            LR,              gd,       37
            LR_AND_MOMENTUM, momentum, 19
            LR_AND_MOMENTUM, adam,     19
            LR_AND_MOMENTUM, gd,       133
            LR_AND_MOMENTUM, newton,   133
            """)
    void learningRatesRunFromAHundredthToTenTimesTheDefaultOnAnEvenLogGridThroughIt(TuningScope scope, String optimizer,
            int count) {
        double lr0 = 0.037;
        List<Double> lrs = TuningGrid.of(scope, Optimizers.get(optimizer), lr0).learningRates();
        assertThat(lrs).hasSize(count).contains(lr0);
        assertThat(lrs.getFirst()).isCloseTo(lr0 / 100, within(1e-15));
        assertThat(lrs.getLast()).isCloseTo(lr0 * 10, within(1e-14));
        double ratio = Math.pow(1000, 1.0 / (count - 1));
        for (int i = 1; i < count; i++) {
            assertThat(lrs.get(i) / lrs.get(i - 1)).isCloseTo(ratio, within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            momentum  | momentum | 0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99
            rmsprop   | momentum | 0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99
            nesterov  | momentum | 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995
            adam      | beta1    | 0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99
            lion      | beta1    | 0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99
            adan      | beta1    | 0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99
            """)
    void theMomentumIsMuElseBetaOneOnASeriesEvenInLogOfOneMinusIt(String optimizer, String parameter, String values) {
        TuningGrid grid = TuningGrid.of(TuningScope.LR_AND_MOMENTUM, Optimizers.get(optimizer), 1);
        assertThat(grid.parameter()).map(Param::name).contains(parameter);
        assertThat(grid.values()).containsExactlyElementsOf(
                List.of(values.split(",\\s*")).stream().map(Double::parseDouble).toList());
    }

    @Test
    void optimizersWithoutAMomentumAndTheLrScopeTuneNone() {
        for (String name : List.of("gd", "sgd", "adagrad", "rprop", "adadelta", "newton", "bfgs", "nelder-mead")) {
            assertThat(TuningGrid.of(TuningScope.LR_AND_MOMENTUM, Optimizers.get(name), 1).parameter()).as(name).isEmpty();
        }
        assertThat(TuningGrid.of(TuningScope.LR, Optimizers.get("momentum"), 1).parameter()).isEmpty();
    }

    @Test
    void everyRegistryDefaultOfATunedMomentumIsOnItsGrid() {
        // So a racer left at its defaults is scored from the grid's own runs.
        for (OptimizerKind kind : Optimizers.all()) {
            TuningGrid grid = TuningGrid.of(TuningScope.LR_AND_MOMENTUM, kind, 1);
            grid.parameter().ifPresent(p -> assertThat(grid.values()).as(kind.name()).contains((Double) p.defaultValue()));
        }
    }

    @Test
    void configurationsGoByLrThenMomentum() {
        TuningGrid grid = TuningGrid.of(TuningScope.LR_AND_MOMENTUM, Optimizers.get("momentum"), 1);
        assertThat(grid.learningRate(0)).isEqualTo(0.01);
        assertThat(grid.value(0)).isEqualTo(0);
        assertThat(grid.value(6)).isEqualTo(0.99);
        assertThat(grid.learningRate(6)).isEqualTo(0.01);
        assertThat(grid.learningRate(7)).isEqualTo(grid.learningRates().get(1));
        assertThat(grid.value(7)).isEqualTo(0);
        assertThat(grid.indexOf(1, 0.9)).isEqualTo(12 * 7 + 3);
        assertThat(grid.indexOf(1, 0.7)).isEqualTo(-1);
    }
}
