package dev.losslab.core.maps;

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
 * <p>Rows of the grid are spread over all cores (the common fork-join pool). Gradient descent and
 * momentum on Himmelblau with a constant lr and no noise — the speed goal of the maps issue — run
 * through {@link HimmelblauSgdKernel}, which steps a whole row in lock-step over structure-of-arrays
 * state; everything else runs start by start through the generic path. Both give the same labels
 * and step counts, bit for bit (tested).
 */
public final class Basins {

    /** A run belongs to a minimum's basin when it ends within this fraction of the window span of it. */
    public static final double REACH_FRACTION = 1e-2;

    private Basins() {}

    /**
     * The basin map of {@code spec} (its start is ignored) over {@code grid}.
     *
     * @throws dev.losslab.core.InvalidInputException when the grid or the work is beyond {@link Budget}
     * @throws CancellationException when the job is cancelled or the calling thread interrupted
     */
    public static BasinMap map(RunSpec spec, Grid grid, Job job) {
        return compute(spec, grid, job, HimmelblauSgdKernel.supports(spec)
                ? new HimmelblauSgdKernel(spec, grid)
                : new GenericRows(spec, grid));
    }

    /**
     * The map through the generic path only, whatever the spec: the reference the fast kernel is
     * tested and benchmarked against.
     */
    public static BasinMap mapGeneric(RunSpec spec, Grid grid, Job job) {
        return compute(spec, grid, job, new GenericRows(spec, grid));
    }

    /** True when {@link #map} would use a specialised kernel for this spec. */
    public static boolean hasFastKernel(RunSpec spec) {
        return HimmelblauSgdKernel.supports(spec);
    }

    private static BasinMap compute(RunSpec spec, Grid grid, Job job, Rows rows) {
        Budget.checkGrid(Math.max(grid.columns(), grid.rows()));
        Budget.checkWork(grid.cells(), spec.maxSteps());
        byte[] labels = new byte[grid.cells()];
        int[] steps = new int[grid.cells()];
        job.forEachUnit(grid.rows(), j -> rows.run(j, labels, steps, job));
        return new BasinMap(grid, spec.landscape().knownMinima(), labels, steps);
    }

    /** Computes one row of a map: labels and steps of cells j·columns … j·columns + columns − 1. */
    interface Rows {
        void run(int j, byte[] labels, int[] steps, Job job);
    }

    /** Any surface, any optimizer: one {@link Descent} per start. */
    private record GenericRows(RunSpec spec, Grid grid, BasinRule rule) implements Rows {

        GenericRows(RunSpec spec, Grid grid) {
            this(spec, grid, new BasinRule(spec.landscape()));
        }

        @Override
        public void run(int j, byte[] labels, int[] steps, Job job) {
            double y = grid.y(j);
            int base = j * grid.columns();
            for (int i = 0; i < grid.columns(); i++) {
                job.check();
                Outcome o = Descent.from(spec, grid.x(i), y);
                labels[base + i] = rule.label(o);
                steps[base + i] = o.steps();
            }
        }
    }
}
