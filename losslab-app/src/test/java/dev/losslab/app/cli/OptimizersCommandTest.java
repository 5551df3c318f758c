package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.Optimizers;
import org.junit.jupiter.api.Test;

class OptimizersCommandTest {

    @Test
    void listsEveryOptimizerWithItsRule() {
        Cli cli = Cli.run("optimizers");
        assertThat(cli.exitCode()).isZero();
        for (var k : Optimizers.all()) {
            assertThat(cli.out()).contains(k.name()).contains(k.updateRule());
        }
        assertThat(cli.out()).contains("--beta2 0.999");
    }
}
