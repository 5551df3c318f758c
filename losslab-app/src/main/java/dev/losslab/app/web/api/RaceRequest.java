package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.losslab.app.Limits;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.ErrorMapping;
import dev.losslab.app.web.http.Surfaces;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/race} as Jackson reads it (strictly: see {@link ApiJson}), and its
 * validation into one {@link RunSpec} per racer. Absent fields are null and take the core's
 * defaults; every bad value fails with a 400 naming the field (and the racer).
 *
 * @param surface a surface name (required)
 * @param start   [x, y], or null for the surface's default start
 * @param steps   0 to {@link Limits.Race#maxSteps()}, or null for {@value RunSpec#DEFAULT_STEPS}
 * @param tol     the convergence tolerance, or null for {@value RunSpec#DEFAULT_TOLERANCE}
 * @param racers  1 to {@link Limits.Race#maxRacers()} racers; an optimizer may race more than once
 *                with other settings (the answer labels them {@code gd}, {@code gd:2}, …: RacerLabels)
 * @param internals true to add each optimizer's internals to every point after the start (the lab's
 *                  step mode); only for races of at most {@link Limits.Race#maxInternalsSteps()} steps
 */
record RaceRequest(String surface, double[] start, Integer steps, Double tol, List<Racer> racers, Boolean internals) {

    /**
     * The race in a JSON body, read strictly: unknown fields, nulls where a value is needed and values
     * of the wrong type are 400s naming the field.
     */
    static RaceRequest read(JsonNode tree) throws IOException {
        if (tree.isNull()) {
            // Jackson maps a JSON null to a null race; everything else that is not an object fails in
            // treeToValue below with its own message.
            throw ApiException.badRequest(null, "the request body must be a JSON object, got null");
        }
        try {
            return ApiJson.READER.treeToValue(tree, RaceRequest.class);
        } catch (MismatchedInputException e) {
            if (e instanceof UnrecognizedPropertyException || e instanceof InvalidNullException) {
                throw e;
            }
            throw ErrorMapping.mismatch(e, tree);
        }
    }

    boolean wantsInternals() {
        return Boolean.TRUE.equals(internals);
    }

    /**
     * @param optimizer a registry name (required)
     * @param params    {@code lr}, {@code noise}, {@code seed} and hyper-parameters by CLI name;
     *                  flags as true/false or 1/0
     * @param schedule  the learning-rate schedule, or null for constant
     */
    record Racer(String optimizer, Map<String, JsonNode> params, ScheduleChoice schedule) {}

    /** @param name a schedule name (required); @param params its parameters by CLI name */
    record ScheduleChoice(String name, Map<String, JsonNode> params) {}

    /** The names besides an optimizer's own hyper-parameters that every racer takes. */
    private static final List<String> RUN_PARAMS = Stream.concat(RunBuilder.RUN_SETTINGS.stream(),
            Stream.of("seed")).toList();

    /** The top-level settings every racer runs with. */
    private static final Set<String> RACE_WIDE = Set.of("tol", "start");

    Landscape landscape() {
        if (surface == null || surface.isBlank()) {
            throw ApiException.badRequest("surface", "surface is required");
        }
        return Surfaces.resolve(surface);
    }

    /** Validates everything and returns one spec per racer, in racer order. */
    List<RunSpec> specs(Limits.Race limits) {
        Landscape landscape = landscape();
        int maxSteps = steps == null ? RunSpec.DEFAULT_STEPS : steps;
        if (maxSteps < 0 || maxSteps > limits.maxSteps()) {
            throw InvalidInputException.outOfRange("steps", "in [0, " + limits.maxSteps() + "]", maxSteps);
        }
        if (wantsInternals() && maxSteps > limits.maxInternalsSteps()) {
            throw ApiException.badRequest("internals", "internals are only sent for races of at most "
                    + limits.maxInternalsSteps() + " steps, got steps=" + maxSteps);
        }
        if (start != null && start.length != 2) {
            throw ApiException.badRequest("start", "start must be [x, y], two numbers; got " + start.length);
        }
        if (racers == null || racers.isEmpty() || racers.size() > limits.maxRacers()) {
            throw ApiException.badRequest("racers", "racers must list 1 to " + limits.maxRacers() + " racers, got "
                    + (racers == null ? "none" : racers.size()));
        }
        List<RunSpec> specs = new ArrayList<>();
        for (int i = 0; i < racers.size(); i++) {
            Racer racer = racers.get(i);
            if (racer == null || racer.optimizer() == null || racer.optimizer().isBlank()) {
                throw ApiException.badRacer(i, "optimizer", "racers[" + i + "].optimizer is required");
            }
            try {
                specs.add(builder(landscape, racer, i, maxSteps).spec());
            } catch (InvalidInputException e) {
                // tol and start are the race's, given to every racer: a mistake there is not racer i's.
                if (RACE_WIDE.contains(e.field())) {
                    throw e;
                }
                throw ApiException.badRacer(i, e.field(), e.getMessage());
            }
        }
        checkWork(specs, limits.maxWork());
        return specs;
    }

    /** Σ steps × cost per step over the racers: on a surface made of data a step sums over its examples. */
    private static void checkWork(List<RunSpec> specs, long maxWork) {
        long work = 0;
        for (RunSpec spec : specs) {
            work += (long) Math.max(spec.maxSteps(), 1) * spec.costPerStep();
        }
        if (work > maxWork) {
            RunSpec first = specs.getFirst();
            throw ApiException.badRequest("steps", "this race would cost up to " + work + " evaluations (" + specs.size()
                    + " racers × " + first.maxSteps() + " steps × about " + first.costPerStep() + " per step on "
                    + first.landscape().name() + "), more than " + maxWork + ": use fewer steps or racers");
        }
    }

    private RunBuilder builder(Landscape landscape, Racer racer, int index, int maxSteps) {
        OptimizerKind kind = Optimizers.get(racer.optimizer());
        RunBuilder builder = RunBuilder.on(landscape).optimizer(kind.name()).steps(maxSteps);
        if (tol != null) {
            builder.tolerance(tol);
        }
        if (start != null) {
            builder.start(new Vec2(start[0], start[1]));
        }
        String where = "racers[" + index + "].params";
        if (racer.params() != null) {
            racer.params().forEach((name, value) -> {
                if (name.equals("seed")) {
                    builder.seed(whole(index, where, name, value));
                } else if (RUN_PARAMS.contains(name)) {
                    builder.set(name, number(index, where, name, value));
                } else if (kind.takes(name)) {
                    builder.set(name, SettingJson.plain(index, where, name, value));
                } else {
                    List<String> taken = new ArrayList<>(RUN_PARAMS);
                    kind.params().forEach(p -> taken.add(p.name()));
                    throw ApiException.badRacer(index, name,
                            kind.name() + " does not take " + name + "; it takes: " + String.join(", ", taken));
                }
            });
        }
        ScheduleChoice schedule = racer.schedule();
        if (schedule != null) {
            if (schedule.name() == null || schedule.name().isBlank()) {
                throw ApiException.badRacer(index, "schedule", "racers[" + index + "].schedule.name is required");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (schedule.params() != null) {
                String at = "racers[" + index + "].schedule.params";
                schedule.params().forEach((name, value) -> values.put(name, SettingJson.plain(index, at, name, value)));
            }
            builder.schedule(schedule.name(), values);
        }
        return builder;
    }

    private static double number(int racer, String where, String name, JsonNode value) {
        if (value != null && value.isNumber()) {
            return value.doubleValue();
        }
        throw ApiException.badRacer(racer, name, where + "." + name + " must be a number, got " + SettingJson.describe(value));
    }

    private static long whole(int racer, String where, String name, JsonNode value) {
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw ApiException.badRacer(racer, name, where + "." + name + " must be a whole number, got " + SettingJson.describe(value));
    }
}
