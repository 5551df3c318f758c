package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Ranges;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.Budget;
import dev.losslab.core.maps.Job;
import dev.losslab.core.maps.Sweep;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A hyper-parameter sweep ({@code GET /api/sweep}, job kind {@code sweep}), the CLI's {@code sweep}:
 * {@code surface=S&optimizer=NAME&vary=P=A:B:N[,Q=C:D:M][&log=P[,Q]][&start=x,y][&steps=N][&lr=…&PARAM=…]},
 * one run per point of a 1-D or 2-D grid of settings from the same start, each kept as its stop
 * reason and step count, with the regime theory predicts on a quadratic ({@link Sweep} in the core).
 *
 * <p>Bounded by {@link Limits.Sweep}, like a basin map: values per axis, steps, and runs × steps
 * (checked by the core's {@link Budget}). Every cell's run is built and checked when the request is
 * parsed ({@link Sweep#plan}), so a bad value is a 400 before any run.
 *
 * @param plan the checked sweep
 */
record SweepWork(Sweep.Plan plan) implements MapWork {


    /** The parameters besides the run's fixed settings ({@link RunParams}). */
    private static final List<String> FIXED = List.of("surface", "optimizer", "vary", "log", "start", "steps");

    static SweepWork parse(QueryParams query, Limits.Sweep bounds) {
        OptimizerKind kind = Optimizers.get(query.required("optimizer"));
        query.allowOnly(RunParams.allowed(FIXED, kind));
        Landscape landscape = query.surface();
        int steps = query.integer("steps", RunSpec.DEFAULT_STEPS, 0, bounds.maxSteps());
        List<String> logNames = query.has("log") ? Arrays.stream(query.required("log").split(",")).map(String::strip).toList() : List.of();
        List<Axis> axes = Ranges.axes(query.required("vary"), logNames, "vary", "log", bounds.maxCount());
        long runs = 1;
        for (Axis axis : axes) {
            if (axis.name().equals("seed") || !RunParams.isSetting(axis.name(), kind)) {
                throw new InvalidInputException("vary", kind.name() + " has no setting '" + axis.name()
                        + "' to sweep; it sweeps: " + sweepable(kind));
            }
            if (query.has(axis.name())) {
                throw new InvalidInputException(axis.name(), axis.name() + " is both fixed (" + axis.name() + "=) and swept (vary)");
            }
            runs *= axis.count();
        }
        Budget.checkWork(runs, steps, landscape.surface().evaluationCost(), bounds.maxSteps(), bounds.maxWork());
        Vec2 start = query.has("start") ? query.point("start") : landscape.defaultStart();
        Sweep.Plan plan = Sweep.plan(axes, values -> {
            RunBuilder builder = RunBuilder.on(landscape).optimizer(kind.name()).steps(steps).start(start);
            RunParams.apply(query, kind, builder);
            values.forEach(builder::set);
            return builder.spec();
        });
        return new SweepWork(plan);
    }

    /** "lr, noise, momentum, dampening, weight-decay". */
    private static String sweepable(OptimizerKind kind) {
        return Stream.concat(Stream.of("lr", "noise"), kind.params().stream().map(Param::name)).collect(Collectors.joining(", "));
    }

    @Override
    public String kind() {
        return "sweep";
    }

    @Override
    public ObjectNode compute(Job job) {
        return JsonViews.sweep(plan.run(job));
    }
}
