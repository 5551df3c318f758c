package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.optim.ScheduleKind;
import dev.losslab.core.optim.Schedules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run options are the registries': every optimizer and schedule parameter is an option, a value
 * given on the command line reaches the run, and help states each taker's default. A parameter
 * added to a registry needs nothing here.
 */
class RegistryOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> optimizerParameters() {
        List<Arguments> cases = new ArrayList<>();
        for (OptimizerKind kind : Optimizers.all()) {
            kind.params().forEach(p -> cases.add(Arguments.of(kind.name(), p)));
        }
        return cases.stream();
    }

    static Stream<Arguments> scheduleParameters() {
        List<Arguments> cases = new ArrayList<>();
        for (ScheduleKind kind : Schedules.all()) {
            kind.params().forEach(p -> cases.add(Arguments.of(kind.name(), p)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}")
    @MethodSource("optimizerParameters")
    void everyOptimizerParameterReachesTheRun(String optimizer, Param param) throws Exception {
        List<String> line = new ArrayList<>(List.of("run", "--surface", "bowl", "--optimizer", optimizer, "--steps", "1",
                "--format", "json"));
        assumeTrue(!(param.kind() instanceof Param.Real r) || r.range().min() < r.range().max(),
                "only its default is allowed");
        Object value = anotherLegalValue(param);
        line.addAll(given(param, value));
        JsonNode spec = run(line).get("spec").get("hyperParameters").get(param.name());
        assertThat(spec).isEqualTo(json(value));
    }

    @ParameterizedTest(name = "{0} schedule --{1}")
    @MethodSource("scheduleParameters")
    void everyScheduleParameterReachesTheRun(String schedule, Param param) throws Exception {
        Object value = anotherLegalValue(schedule, param);
        List<String> line = new ArrayList<>(List.of("run", "--surface", "bowl", "--optimizer", "gd", "--steps", "1",
                "--format", "json", "--schedule", schedule));
        line.addAll(given(param, value));
        assertThat(run(line).get("spec").get("scheduleParameters").get(param.name())).isEqualTo(json(value));
    }

    @Test
    void theOptionsAreExactlyTheRegistriesParameters() {
        Set<String> optimizerNames = new LinkedHashSet<>();
        Optimizers.all().forEach(k -> k.params().forEach(p -> optimizerNames.add("--" + p.name())));
        Set<String> scheduleNames = new LinkedHashSet<>();
        Schedules.all().forEach(k -> k.params().forEach(p -> scheduleNames.add("--" + p.name())));

        assertThat(RunOptions.HYPER_PARAMETERS.stream().map(Opt::name)).containsExactlyElementsOf(optimizerNames);
        assertThat(RunOptions.SCHEDULE_PARAMETERS.stream().map(Opt::name)).containsExactlyElementsOf(scheduleNames);
    }

    @ParameterizedTest(name = "{0} --{1}")
    @MethodSource("optimizerParameters")
    void helpStatesEachOptimizersDefaultAndSymbol(String optimizer, Param param) {
        Opt<?> option = option(RunOptions.HYPER_PARAMETERS, param);
        String help = String.join(" ", option.help());
        if (param.flag()) {
            assertThat(option.isFlag()).isTrue();
            assertThat(help).contains(optimizer);
            return;
        }
        if (param.kind() instanceof Param.Choice c) {
            assertThat(option.label()).isEqualTo(String.join("|", c.choices()));
        } else {
            // One option serves every taker; it shows the first one's symbol (adagrad's s₀, not yogi's v₀).
            Param first = Optimizers.all().stream().flatMap(k -> k.params().stream())
                    .filter(p -> p.name().equals(param.name())).findFirst().orElseThrow();
            assertThat(option.label()).isEqualTo(first.symbol());
        }
        String value = Numbers.setting(param.defaultValue());
        // Named with its default, or covered by "default V" when most takers share V.
        assertThat(help).containsAnyOf(optimizer + ": " + value, optimizer + ", ", "(default " + value + ";");
        if (!help.contains("(default " + value)) {
            assertThat(help).containsPattern("\\b" + optimizer + "(, [a-z-]+)*: " + value.replace(".", "\\."));
        }
    }

    /**
     * --warmup-steps is the schedule-free rules' own warm-up and the warmup-cosine schedule's: one
     * option, which each run gives to whichever of its optimizer and schedule takes it.
     */
    @Test
    void aNameAnOptimizerAndAScheduleShareIsOneOptionGivenToEachTaker() throws Exception {
        List<String> names = RunOptions.all().stream().map(Opt::name).toList();
        assertThat(names).containsOnlyOnce("--warmup-steps");
        assertThat(String.join(" ", option(RunOptions.HYPER_PARAMETERS, Optimizers.get("schedule-free-sgd").params()
                .stream().filter(p -> p.name().equals("warmup-steps")).findFirst().orElseThrow()).help()))
                .contains("schedule-free-adamw, schedule-free-sgd: 0; warmup-cosine schedule: 5");

        JsonNode own = run(List.of("run", "--surface", "bowl", "--optimizer", "schedule-free-sgd", "--steps", "1",
                "--format", "json", "--warmup-steps", "7")).get("spec");
        assertThat(own.get("hyperParameters").get("warmup-steps").asDouble()).isEqualTo(7);
        assertThat(own.get("scheduleParameters").has("warmup-steps")).isFalse();

        JsonNode schedules = run(List.of("run", "--surface", "bowl", "--optimizer", "adam", "--steps", "1", "--format",
                "json", "--schedule", "warmup-cosine", "--warmup-steps", "7")).get("spec");
        assertThat(schedules.get("hyperParameters").has("warmup-steps")).isFalse();
        assertThat(schedules.get("scheduleParameters").get("warmup-steps").asDouble()).isEqualTo(7);

        JsonNode both = run(List.of("run", "--surface", "bowl", "--optimizer", "schedule-free-adamw", "--steps", "1",
                "--format", "json", "--schedule", "warmup-cosine", "--warmup-steps", "7")).get("spec");
        assertThat(both.get("hyperParameters").get("warmup-steps").asDouble()).isEqualTo(7);
        assertThat(both.get("scheduleParameters").get("warmup-steps").asDouble()).isEqualTo(7);

        Cli race = Cli.run("race", "--surface", "bowl", "--optimizers", "adam,schedule-free-sgd", "--steps", "1",
                "--format", "json", "--warmup-steps", "7");
        assertThat(race.exitCode()).as(race.err()).isZero();

        Cli neither = Cli.run("run", "--surface", "bowl", "--optimizer", "adam", "--steps", "1", "--warmup-steps", "7");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("adam does not take warmup-steps");
    }

    @Test
    void defaultsAreListedByTaker() {
        assertThat(RunOptions.defaults(Map.of("adagrad", "0"))).isEqualTo("(adagrad: 0)");
        var momentum = new java.util.LinkedHashMap<String, String>();
        momentum.put("momentum", "0.9");
        momentum.put("nesterov", "0.9");
        momentum.put("rmsprop", "0");
        assertThat(RunOptions.defaults(momentum)).isEqualTo("(momentum, nesterov: 0.9; rmsprop: 0)");
        var decay = new java.util.LinkedHashMap<String, String>();
        for (String name : List.of("gd", "sgd", "momentum", "adam")) {
            decay.put(name, "0");
        }
        decay.put("adamw", "0.01");
        assertThat(RunOptions.defaults(decay)).isEqualTo("(default 0; adamw: 0.01)");
        var beta1 = new java.util.LinkedHashMap<String, String>();
        for (String name : List.of("adam", "adamw", "adamax", "nadam", "radam")) {
            beta1.put(name, "0.9");
        }
        assertThat(RunOptions.defaults(beta1)).isEqualTo("(adam, adamw, adamax, nadam, radam: 0.9)");
    }

    private static Opt<?> option(List<Opt<?>> options, Param param) {
        return options.stream().filter(o -> o.name().equals("--" + param.name())).findFirst().orElseThrow();
    }

    private static List<String> given(Param param, Object value) {
        String text = value instanceof List<?> numbers
                ? String.join(",", numbers.stream().map(String::valueOf).toList()) : String.valueOf(value);
        return param.flag() ? List.of("--" + param.name()) : List.of("--" + param.name(), text);
    }

    /** The value {@code value} as a run's JSON spec states it. */
    private static JsonNode json(Object value) {
        return JSON.valueToTree(value instanceof Boolean b ? b : value);
    }

    /** A value in the parameter's range other than its default. */
    private static Object anotherLegalValue(Param param) {
        return candidates(param).findFirst().orElseThrow();
    }

    /** A value other than its default that the schedule accepts (whole, for counts of updates). */
    private static Object anotherLegalValue(String schedule, Param param) {
        return candidates(param).filter(v -> {
            try {
                Schedules.create(schedule, Map.of(param.name(), v), 1);
                return true;
            } catch (InvalidInputException e) {
                return false;
            }
        }).findFirst().orElseThrow();
    }

    /**
     * Values other than the default, in the parameter's range: true for a flag, the other names
     * for a choice, each number scaled by 1.5 for numbers (2, 3, 7 for an empty default).
     */
    private static Stream<Object> candidates(Param param) {
        return switch (param.kind()) {
            case Param.Flag f -> Stream.of(true);
            case Param.Choice c -> c.choices().stream().filter(v -> !v.equals(c.defaultValue())).map(v -> v);
            case Param.Numbers n -> Stream.of(n.defaultValue().isEmpty() ? List.of(2.0, 3.0, 7.0)
                    : n.defaultValue().stream().map(v -> n.whole() ? Math.rint(v * 1.5) : v * 1.5).toList());
            case Param.Real r -> DoubleStream.of(r.defaultValue() / 2, 0.5, 0.25, 2, 3, 7)
                    .filter(v -> v != r.defaultValue() && r.range().contains(v))
                    .filter(v -> !r.whole() || v == Math.rint(v))
                    .boxed().map(v -> v);
        };
    }

    private static JsonNode run(List<String> line) throws Exception {
        Cli cli = Cli.run(line.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(cli.out());
    }
}
