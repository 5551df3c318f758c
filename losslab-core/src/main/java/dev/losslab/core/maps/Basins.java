package dev.losslab.core.maps;

import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.RunSpec;
import java.util.concurrent.CancellationException;

/**
 * Basins of attraction: run the optimizer of a spec from every point of a grid and label each start
 * by where its run ends.
 *
 * <p>Each start runs exactly as {@code Runner.run} would run the spec from there (same stop rules,
 * same step count, same noise, if any). Its label, by {@link BasinRule}:
 * <ul>
 *   <li>{@link BasinMap#DIVERGED} when the run diverged;</li>
 *   <li>otherwise m, when its last point is within {@value #REACH_FRACTION} × the landscape window's
 *       span of known minimum m (the nearest, if several) — whether it converged or ran out of steps
 *       there. This is ten times the tolerance of {@code Landscape.minimumReachedFrom}: a map asks
 *       "which basin", not "how precisely";</li>
 *   <li>otherwise {@link BasinMap#UNCONVERGED}: still on its way when the steps ran out, or stopped at a
 *       saddle, a maximum, or anywhere else that is not a known minimum.</li>
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


    /** A run belongs to a minimum's basin when it ends within this fraction of the window span of it. */
    public static final double REACH_FRACTION = 1e-2;

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
        Budget.checkWork(grid.cells(), spec.maxSteps());
        BasinRule rule = new BasinRule(spec.landscape());
        int columns = grid.columns();
        byte[] labels = new byte[grid.cells()];
        int[] steps = new int[grid.cells()];
        job.forEachUnit(grid.rows(), j -> {
            double[] starts = new double[2 * columns];
            for (int i = 0; i < columns; i++) {
                starts[i] = grid.x(i);
                starts[columns + i] = grid.y(j);
            }
            Outcomes row = Engine.run(spec, starts, columns, null, step -> job.check());
            for (int i = 0; i < columns; i++) {
                labels[j * columns + i] = rule.label(row.get(i));
                steps[j * columns + i] = row.steps(i);
            }
        });
        return new BasinMap(grid, spec.landscape().knownMinima(), labels, steps);
    }
}
