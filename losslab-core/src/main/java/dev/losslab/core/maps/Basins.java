package dev.losslab.core.maps;

import dev.losslab.core.run.Destinations;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.RunSpec;
import java.util.concurrent.CancellationException;

/**
 * Basins of attraction: run the optimizer of a spec from every point of a grid and label each start
 * by where its run ends.
 *
 * <p>Each start runs exactly as {@code Runner.run} would run the spec from there (same stop rules,
 * same step count, same noise, if any). Its label is where the run ended ({@link Destinations}: the
 * place within {@value Destinations#REACH_FRACTION} × the window's span of its last point, a noisy run
 * by where a clean run from there settles):
 * <ul>
 *   <li>{@link BasinMap#DIVERGED} when the run diverged;</li>
 *   <li>m, at (or near) minimum m + 1 — listed or not: a local minimum is a basin too —  whether it
 *       converged or ran out of steps there. The reach is ten times the tolerance of
 *       {@code Landscape.minimumReachedFrom}: a map asks "which basin", not "how precisely";</li>
 *   <li>{@link BasinMap#SADDLE} or {@link BasinMap#MAXIMUM} at (or stuck near) one;</li>
 *   <li>otherwise {@link BasinMap#UNCONVERGED}: still on its way when the steps ran out.</li>
 * </ul>
 *
 * <p>Rows of the grid are spread over all cores (the common fork-join pool); each row is one batch
 * of the {@link Engine}, the loop every run goes through.
 */
public final class Basins {

    /**
     * Starts per side of a map when none is asked for: 128² starts tell the basins' shares to a
     * fraction of a percent and take well under a second.
     */
    public static final int DEFAULT_GRID = 128;


    private Basins() {}

    /**
     * The basin map of {@code spec} (its start is ignored) over {@code grid}: each grid row is one
     * batch of the {@link Engine}, rows spread over all cores.
     *
     * @throws dev.losslab.core.InvalidInputException when the grid or the work is beyond {@link Budget}
     * @throws CancellationException when the job is cancelled or the calling thread interrupted
     */
    public static BasinMap map(RunSpec spec, Grid grid, Job job) {
        Budget.checkGrid(Math.max(grid.columns(), grid.rows()));
        // A noisy map runs each start twice: the noisy run, then the clean one that says where it hovered.
        Budget.checkWork(spec.noisy() ? 2L * grid.cells() : grid.cells(), spec);
        Destinations places = Destinations.of(spec.landscape());
        int columns = grid.columns();
        short[] labels = new short[grid.cells()];
        int[] steps = new int[grid.cells()];
        job.forEachUnit(grid.rows(), j -> {
            double[] starts = new double[2 * columns];
            for (int i = 0; i < columns; i++) {
                starts[i] = grid.x(i);
                starts[columns + i] = grid.y(j);
            }
            Outcomes row = Engine.run(spec, starts, columns, null, step -> job.check());
            EndPoint[] ends = places.classify(spec, row);
            for (int i = 0; i < columns; i++) {
                labels[j * columns + i] = BasinMap.label(ends[i]);
                steps[j * columns + i] = row.steps(i);
            }
        });
        return new BasinMap(grid, places.minima(), places.listedCount(), labels, steps);
    }
}
