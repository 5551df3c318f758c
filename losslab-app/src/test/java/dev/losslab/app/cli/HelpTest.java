package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command's --help: usage on stdout, exit 0, and nothing on stderr (picocli warns there about a stray '%'). */
class HelpTest {

    static Stream<String> commands() {
        return Main.COMMANDS.keySet().stream();
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void helpIsCleanUsage(String command) {
        // picocli's own warnings go to System.err, not to the command line's error stream.
        PrintStream realErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Cli cli;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            cli = Cli.run(command, "--help");
        } finally {
            System.setErr(realErr);
        }
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: losslab " + command);
        assertThat(cli.err()).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** A run command's eighty-odd options read in sections, after a one-line synopsis. */
    @org.junit.jupiter.api.Test
    void runOptionsAreListedUnderHeadings() {
        String help = Cli.run("run", "--help").out();
        assertThat(help).startsWith("Usage: losslab run [OPTIONS]\n");
        int own = help.indexOf("--optimizer=NAME");
        int hyper = help.indexOf("Optimizer hyper-parameters");
        int schedule = help.indexOf("Schedule parameters");
        assertThat(own).isPositive().isLessThan(hyper);
        assertThat(hyper).isLessThan(help.indexOf("--momentum=μ")).isLessThan(schedule);
        assertThat(schedule).isLessThan(help.indexOf("--milestones="));
    }

    /** A command's own subcommand has its help too, and writes where the command writes. */
    @org.junit.jupiter.api.Test
    void trainSweepMergeHasItsOwnHelp() {
        Cli cli = Cli.run("train-sweep", "merge", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: losslab train-sweep merge").contains("FILE...");
        assertThat(cli.err()).isEmpty();
        assertThat(Cli.run("train-sweep", "--help").out()).contains("--shard=i/n").contains("Commands:").contains("merge");
    }
}
