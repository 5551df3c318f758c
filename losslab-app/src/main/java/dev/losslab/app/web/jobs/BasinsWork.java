package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.core.maps.Basins;
import dev.losslab.core.maps.Budget;
import dev.losslab.core.maps.Grid;
import dev.losslab.core.maps.Job;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Window;
import java.util.List;

/**
 * A basin map ({@code GET /api/basins}, job kind {@code basins}):
 * {@code surface=S&optimizer=NAME&grid=G&steps=N[&window=…][&lr=…&noise=…&seed=…&PARAM=…]}, the
 * optimizer run from every point of a G×G grid ({@link Basins} in the core), each start labelled by
 * the known minimum it ends at (docs/API.md).
 *
 * <p>Bounded by {@link Limits.Basins}, tighter than the CLI's: a page waits for the answer. The work
 * is checked by the core's own {@link Budget}, against those bounds.
 *
 * @param spec   the run from each start (its own start ignored)
 * @param window where the starts lie
 * @param grid   starts per side
 */
public record BasinsWork(RunSpec spec, Window window, int grid) implements MapWork {


    /** The parameters besides the run's settings ({@link RunParams}). */
    private static final List<String> FIXED = List.of("surface", "optimizer", "grid", "steps", "window");

    static BasinsWork parse(QueryParams query, Limits.Basins bounds) {
        OptimizerKind kind = Optimizers.get(query.required("optimizer"));
        query.allowOnly(RunParams.allowed(FIXED, kind));

        Landscape landscape = query.surface();
        int grid = query.integer("grid", Basins.DEFAULT_GRID, 2, bounds.maxGrid());
        int steps = query.integer("steps", RunSpec.DEFAULT_STEPS, 0, bounds.maxSteps());
        Window window = query.window("window").orElse(landscape.window());
        RunBuilder builder = RunBuilder.on(landscape).optimizer(kind.name()).steps(steps);
        RunSpec spec = RunParams.apply(query, kind, builder).spec();
        Budget.checkWork((long) grid * grid, steps, spec.costPerStep(), bounds.maxSteps(), bounds.maxWork());
        return new BasinsWork(spec, window, grid);
    }

    @Override
    public String kind() {
        return "basins";
    }

    @Override
    public ObjectNode compute(Job job) {
        return JsonViews.basinMap(Basins.map(spec, Grid.square(window, grid), job), spec);
    }
}
