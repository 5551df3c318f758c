package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@link PlainCommandLine} against picocli itself: for every plain line, the command it fills has
 * the same value in every option field (mixins included) as the command picocli fills from the same
 * words; every line that is not plain it declines, so that picocli reports it.
 */
class PlainCommandLineTest {

    static Stream<List<String>> plainLines() {
        Stream<List<String>> training = AotTraining.COMMANDS.stream().filter(c -> !c.getFirst().startsWith("-"));
        Stream<List<String>> more = Stream.of(
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lr", "-1", "--start", "-1.5,2"),
                List.of("run", "--surface=bowl", "--optimizer=adam", "--start=-1.5,2", "--format", "JSON",
                        "--beta1", "0.8", "--beta2=0.99", "--eps", "1e-6", "--amsgrad", "--no-bias-correction",
                        "--weight-decay", "0.1", "--steps", "20", "--tol", "0", "--seed", "7"),
                List.of("run", "--surface", "-x^2 + y^2", "--optimizer", "rmsprop", "--centered", "--alpha", "0.9",
                        "--momentum", "0.5", "--schedule", "cosine", "--t-max", "10", "--eta-min", "1e-4"),
                List.of("run", "--surface", "bowl", "--optimizer", "sgd", "--noise", "2", "--schedule", "step",
                        "--step-size", "5", "--gamma", "0.5", "--out", "path.svg"),
                List.of("run", "--surface", "bowl", "--optimizer", "adagrad", "--lr-decay", "0.1", "--schedule",
                        "inverse-time", "--tau", "3", "--dampening", "0.1"),
                List.of("race", "--surface", "ravine", "--optimizers", "gd,momentum,adam", "--tune", "lr",
                        "--format", "text", "--out", "race.png"),
                List.of("basins", "--surface", "himmelblau", "--optimizer", "momentum", "--grid", "8",
                        "--window=-5,5,-4,4", "--timing", "--format", "json", "--out", "map.png"),
                List.of("sweep", "--surface", "bowl", "--optimizer", "gd", "--start=1,1", "--vary", "lr=0.01:1:5",
                        "--log", "lr", "--format", "csv"),
                List.of("sgd-stats", "--surface", "himmelblau", "--noise", "0:10:3", "--runs", "5", "--optimizer",
                        "momentum", "--lr", "0.005", "--steps", "50", "--tol", "1e-6", "--seed", "3", "--format", "csv"),
                List.of("analyze", "--surface", "bowl", "--at", "0.1,0.2", "--format", "json"),
                List.of("critical-points", "--surface", "bowl", "--window=-1,1,-1,1", "--format", "csv"),
                List.of("surfaces", "--format", "json"),
                List.of("optimizers", "--format", "markdown"),
                List.of("serve", "--port", "0", "--host", "0.0.0.0"),
                List.of("serve"));
        return Stream.concat(training, more);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainLines")
    void fillsEveryFieldAsPicocliDoes(List<String> line) throws Exception {
        String[] args = line.toArray(String[]::new);
        Optional<Subcommand> plain = PlainCommandLine.read(args, Main.COMMANDS);
        assertThat(plain).as("read plainly").isPresent();

        Subcommand byPicocli = plain.get().getClass().getDeclaredConstructor().newInstance();
        CommandLine cli = new CommandLine(byPicocli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.parseArgs(Arrays.copyOfRange(args, 1, args.length));

        assertSameOptions(plain.get(), byPicocli, plain.get().getClass().getSimpleName());
    }

    static Stream<List<String>> linesForPicocli() {
        return Stream.of(
                List.of(),
                List.of("--help"),
                List.of("--version"),
                List.of("help", "run"),
                List.of("rnu", "--surface", "bowl"),
                List.of("run", "--help"),
                List.of("run", "-h"),
                List.of("run", "--surface", "bowl"),                                   // --optimizer missing
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lr", "abc"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lr"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lr", "--steps", "3"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lr=", "--steps", "3"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lr", "1", "--lr", "2"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--lrr", "1"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "extra"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--start=1"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--format", "yaml"),
                List.of("run", "--surface", "-h", "--optimizer", "gd"),
                List.of("run", "--surface=-h", "--optimizer", "gd"),
                List.of("run", "--surface=--optimizer", "gd"),
                List.of("race", "--surface", "bowl", "--optimizers", "gd", "--tune=--lr"),
                List.of("serve", "--host=--port"),
                List.of("run", "--surface", "@surface.txt", "--optimizer", "gd"),
                List.of("run", "@arguments.txt"),
                List.of("run", "--surface", "bowl", "--optimizer", "adam", "--amsgrad=true"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--steps", "1.5"),
                List.of("run", "--surface", "bowl", "--optimizer", "gd", "--", "--steps"),
                List.of("race", "--surface", "bowl", "--optimizers", "gd,,adam"),
                List.of("basins", "--surface", "himmelblau", "--optimizer", "gd", "--window=1,2,3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linesForPicocli")
    void declinesWhatIsNotPlain(List<String> line) {
        assertThat(PlainCommandLine.read(line.toArray(String[]::new), Main.COMMANDS)).isEmpty();
    }

    /** Every @Option field equal, recursing into @Mixin fields. */
    private static void assertSameOptions(Object plain, Object byPicocli, String where) throws IllegalAccessException {
        int compared = 0;
        for (Field field : plain.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(Option.class)) {
                assertThat(field.get(plain)).as(where + "." + field.getName()).isEqualTo(field.get(byPicocli));
                compared++;
            } else if (field.isAnnotationPresent(Mixin.class)) {
                assertSameOptions(field.get(plain), field.get(byPicocli), where + "." + field.getName());
                compared++;
            }
        }
        assertThat(compared).as("option fields of " + where).isPositive();
    }
}
