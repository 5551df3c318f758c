package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The build step fails, naming the field, on every option PlainCommandLine would not read as picocli
 * does, and tabulates the real commands completely.
 */
class PlainOptionsTableTest {

    @Command(name = "arity")
    static final class WithArity extends Subcommand {
        @Option(names = "--pair", arity = "2")
        List<String> pair;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "on")
    static final class FlagStartingTrue extends Subcommand {
        @Option(names = "--on")
        boolean on = true;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "positional")
    static final class WithParameters extends Subcommand {
        @Parameters
        String word;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "map")
    static final class WithMapOption extends Subcommand {
        @Option(names = "--pairs")
        Map<String, String> pairs;

        @Override
        public Integer call() {
            return 0;
        }
    }

    static final class Empty {
    }

    @Command(name = "empty-mixin")
    static final class WithEmptyMixin extends Subcommand {
        @Mixin
        Empty empty;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {WithArity.class, FlagStartingTrue.class, WithParameters.class, WithMapOption.class,
            WithEmptyMixin.class})
    void refusesWhatThePlainReaderWouldReadOtherwise(Class<?> command) {
        assertThatThrownBy(() -> PlainOptionsTable.entries(List.of(command)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PlainCommandLine cannot read");
    }

    @Test
    void tabulatesEveryOptionOfTheRealCommands() {
        var entries = PlainOptionsTable.entries(Main.COMMANDS);
        assertThat(entries).extracting(PlainOptionsTable.Entry::line)
                .contains("basins\tdev.losslab.app.cli.BasinsCommand\tgrid\tint\t--grid\tfalse\t256\t-\t-",
                        "race\tdev.losslab.app.cli.RaceCommand\toptimizers\tjava.util.List\t--optimizers\ttrue\t-\t,\t-",
                        "run\tdev.losslab.app.cli.RunCommand\toptions.steps\tint\t--steps\tfalse\t1000\t-\t-");
        assertThat(entries).filteredOn(e -> e.command().equals("run")).hasSize(27);
    }
}
