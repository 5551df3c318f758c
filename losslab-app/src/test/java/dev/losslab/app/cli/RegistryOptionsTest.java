package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.losslab.app.output.Numbers;
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
        assumeTrue(param.flag() || param.range().min() < param.range().max(), "only its default is allowed");
        double value = param.flag() ? 1 : anotherLegalValue(param);
        line.addAll(given(param, value));
        JsonNode spec = run(line).get("spec").get("hyperParameters").get(param.name());
        if (param.flag()) {
            assertThat(spec.asBoolean()).isTrue();
        } else {
            assertThat(spec.asDouble()).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0} schedule --{1}")
    @MethodSource("scheduleParameters")
    void everyScheduleParameterReachesTheRun(String schedule, Param param) throws Exception {
        double value = anotherLegalValue(param);
        List<String> line = new ArrayList<>(List.of("run", "--surface", "bowl", "--optimizer", "gd", "--steps", "1",
                "--format", "json", "--schedule", schedule));
        line.addAll(given(param, value));
        assertThat(run(line).get("spec").get("scheduleParameters").get(param.name()).asDouble()).isEqualTo(value);
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
        assertThat(option.label()).isEqualTo(param.symbol());
        String value = Numbers.brief(param.defaultValue());
        // Named with its default, or covered by "default V" when most takers share V.
        assertThat(help).containsAnyOf(optimizer + ": " + value, optimizer + ", ", "(default " + value + ";");
        if (!help.contains("(default " + value)) {
            assertThat(help).containsPattern("\\b" + optimizer + "(, [a-z-]+)*: " + value.replace(".", "\\."));
        }
    }

    @Test
    void defaultsAreListedByTaker() {
        assertThat(RunOptions.defaults(Map.of("adagrad", 0.0))).isEqualTo("(adagrad: 0)");
        var momentum = new java.util.LinkedHashMap<String, Double>();
        momentum.put("momentum", 0.9);
        momentum.put("nesterov", 0.9);
        momentum.put("rmsprop", 0.0);
        assertThat(RunOptions.defaults(momentum)).isEqualTo("(momentum, nesterov: 0.9; rmsprop: 0)");
        var decay = new java.util.LinkedHashMap<String, Double>();
        for (String name : List.of("gd", "sgd", "momentum", "adam")) {
            decay.put(name, 0.0);
        }
        decay.put("adamw", 0.01);
        assertThat(RunOptions.defaults(decay)).isEqualTo("(default 0; adamw: 0.01)");
        var beta1 = new java.util.LinkedHashMap<String, Double>();
        for (String name : List.of("adam", "adamw", "adamax", "nadam", "radam")) {
            beta1.put(name, 0.9);
        }
        assertThat(RunOptions.defaults(beta1)).isEqualTo("(adam, adamw, adamax, nadam, radam: 0.9)");
    }

    private static Opt<?> option(List<Opt<?>> options, Param param) {
        return options.stream().filter(o -> o.name().equals("--" + param.name())).findFirst().orElseThrow();
    }

    private static List<String> given(Param param, double value) {
        return param.flag() ? List.of("--" + param.name()) : List.of("--" + param.name(), Double.toString(value));
    }

    /** A value in the parameter's range other than its default (whole, for counts of updates). */
    private static double anotherLegalValue(Param param) {
        return DoubleStream.of(param.defaultValue() / 2, 0.5, 0.25, 2, 3, 7)
                .filter(v -> v != param.defaultValue() && param.range().contains(v))
                .filter(v -> !param.name().equals("step-size") && !param.name().equals("t-max") || v == Math.rint(v))
                .findFirst().orElseThrow();
    }

    private static JsonNode run(List<String> line) throws Exception {
        Cli cli = Cli.run(line.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(cli.out());
    }
}
