package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The build step fails, naming the field, on every option PlainCommandLine would not read as picocli
 * does, and tabulates the real commands completely.
 */
class PlainOptionsTableTest {

    /** The commands below only have options to tabulate. */
    abstract static class DoesNothing extends Subcommand {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "arity")
    static final class WithArity extends DoesNothing {
        @Option(names = "--pair", arity = "0..1")
        String pair;
    }

    @Command(name = "on")
    static final class FlagStartingTrue extends DoesNothing {
        @Option(names = "--on")
        boolean on = true;
    }

    @Command(name = "positional")
    static final class WithParameters extends DoesNothing {
        @Parameters
        String word;
    }

    @Command(name = "map")
    static final class WithMapOption extends DoesNothing {
        @Option(names = "--pairs")
        Map<String, String> pairs;
    }

    static final class Empty {
    }

    @Command(name = "empty-mixin")
    static final class WithEmptyMixin extends DoesNothing {
        @Mixin
        Empty empty;
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of(WithArity.class, "arity, fallbackValue, negatable or interactive"),
                Arguments.of(FlagStartingTrue.class, "a flag that does not start false"),
                Arguments.of(WithParameters.class, "@Parameters, @ArgGroup, @ParentCommand or @Spec"),
                Arguments.of(WithMapOption.class, "a type it cannot convert"),
                Arguments.of(WithEmptyMixin.class, "a mixin without options"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void refusesWhatThePlainReaderWouldReadOtherwise(Class<?> command, String why) {
        assertThatThrownBy(() -> PlainOptionsTable.entries(List.of(command)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PlainCommandLine cannot read")
                .hasMessageContaining(why);
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
