package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher's AOT cache is trained by {@link AotTraining}; a training command that fails (a flag
 * renamed, say) would quietly train the error path instead, and only start-up would suffer.
 */
class AotTrainingTest {

    static Stream<List<String>> trainingCommands() {
        return AotTraining.COMMANDS.stream();
    }

    @ParameterizedTest
    @MethodSource("trainingCommands")
    void everyTrainingCommandSucceedsAndPrintsSomething(List<String> command) {
        Cli cli = Cli.run(command.toArray(String[]::new));
        assertThat(cli.exitCode()).as("exit code; stderr: %s", cli.err()).isZero();
        assertThat(cli.out()).isNotBlank();
    }
}
