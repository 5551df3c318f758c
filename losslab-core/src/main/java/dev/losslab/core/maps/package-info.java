/**
 * Maps and sweeps: what happens from every start and for every setting, not just one run.
 *
 * <ul>
 *   <li>{@link dev.losslab.core.maps.Basins}: the basin of attraction of each known minimum on a
 *       G×G grid of starts ({@link dev.losslab.core.maps.BasinMap}).</li>
 *   <li>{@link dev.losslab.core.maps.Sweep}: steps to converge over a 1-D or 2-D grid of
 *       hyper-parameters ({@link dev.losslab.core.maps.Axis}).</li>
 *   <li>{@link dev.losslab.core.maps.SgdStats}: over many seeds, how often gradient noise ends a run
 *       in each basin.</li>
 *   <li>{@link dev.losslab.core.maps.FairTuning}: each racer's best lr (and momentum μ or β₁) on a
 *       surface near a start, with the same budget for every racer, for fair races
 *       ({@link dev.losslab.core.maps.TuningGrid}, {@link dev.losslab.core.maps.TuningTrials},
 *       {@link dev.losslab.core.maps.TuningScore}).</li>
 *   <li>{@link dev.losslab.core.maps.MomentumRegime}: heavy-ball momentum on a quadratic, classified
 *       from the iteration matrix's eigenvalues.</li>
 * </ul>
 *
 * Every run here goes through {@link dev.losslab.core.run.Engine}, the one run loop, in batches
 * (a grid row, a chunk of seeds), keeping only how each run ended. Long work is bounded
 * by {@link dev.losslab.core.maps.Budget}, uses every core, reports progress and can be cancelled
 * through a {@link dev.losslab.core.maps.Job}.
 */
package dev.losslab.core.maps;
