package dev.losslab.core.maps;

import dev.losslab.core.run.Outcome;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How one configuration did over its {@link TuningTrials}, and the order {@link FairTuning} ranks
 * configurations in.
 *
 * <p>Each run r gives two numbers:
 * <ul>
 *   <li>T_r, its steps to converge: the steps it took when it converged (the engine's ‖∇f‖ &lt; tol,
 *       or the method's own test) within reach of a known minimum ({@link Landscape#minimumReachedFrom};
 *       anywhere, when the surface lists no minima), else +∞ — a run that stopped at a saddle or a
 *       maximum has not solved the problem, however fast;</li>
 *   <li>L_r, its final loss, at its last point: +∞ when it diverged or left the domain (NaN).</li>
 * </ul>
 * Configurations are ranked, better first, by
 * <ol>
 *   <li>fewer diverged runs (L = +∞): a setting that blows up from a start next to the race's is
 *       one nobody would choose, and the race's own run might be the one that blows up — ranked by
 *       medians alone, GD on the ravine got an lr that diverged from the race's start;</li>
 *   <li>lower median T;</li>
 *   <li>lower median L.</li>
 * </ol>
 * The medians (of an odd number of runs: one run's value) ignore fewer than half the runs going astray
 * without diverging, so one awkward start or unlucky seed neither wins nor sinks a configuration.
 * With more than half unconverged, median T is +∞ and median L decides: a run still creeping along
 * a valley when its steps run out is ranked by how far down it got, and a noisy SGD run (which
 * rarely meets the tolerance) by the level its noise lets it reach. Steps come before loss because
 * converged runs all end with a loss near the minimum's, apart by rounding: ranking by loss first
 * would reward the run that happened to stop deepest, not the fastest.
 *
 * <p>Reported besides: the range (min and max) of L and of the steps taken (T, or all the budget, or
 * up to divergence), and how many runs converged (T finite) and diverged.
 *
 * @param runs                   the runs scored
 * @param medianStepsToConverge  median T (+∞ unless more than half converged at a minimum)
 * @param medianLoss             median L (+∞ unless more than half kept finite)
 * @param minLoss                the smallest L
 * @param maxLoss                the largest L (+∞ when one diverged)
 * @param medianSteps            the median of the steps taken
 * @param minSteps               the fewest steps taken
 * @param maxSteps               the most steps taken
 * @param converged              runs with T finite
 * @param diverged               runs with L = +∞
 */
public record TuningScore(int runs, double medianStepsToConverge, double medianLoss, double minLoss, double maxLoss,
        int medianSteps, int minSteps, int maxSteps, int converged, int diverged) {

    /** Better first: fewer diverged runs, then lower median T, then lower median L. */
    public static final Comparator<TuningScore> BETTER_FIRST = Comparator
            .comparingInt(TuningScore::diverged)
            .thenComparingDouble(TuningScore::medianStepsToConverge)
            .thenComparingDouble(TuningScore::medianLoss);

    /** The score of {@code outcomes} (an odd number) on {@code landscape}. */
    public static TuningScore of(List<Outcome> outcomes, Landscape landscape) {
        int n = outcomes.size();
        if (n % 2 == 0) {
            throw new IllegalArgumentException("an odd number of runs, so that the median is one run's, got " + n);
        }
        boolean noMinima = landscape.knownMinima().isEmpty();
        double[] toConverge = new double[n];
        double[] losses = new double[n];
        int[] steps = new int[n];
        int converged = 0;
        int diverged = 0;
        for (int r = 0; r < n; r++) {
            Outcome o = outcomes.get(r);
            boolean solved = o.converged()
                    && (noMinima || landscape.minimumReachedFrom(new Vec2(o.x(), o.y())).isPresent());
            toConverge[r] = solved ? o.steps() : Double.POSITIVE_INFINITY;
            losses[r] = o.diverged() || Double.isNaN(o.loss()) ? Double.POSITIVE_INFINITY : o.loss();
            steps[r] = o.steps();
            converged += solved ? 1 : 0;
            diverged += losses[r] == Double.POSITIVE_INFINITY ? 1 : 0;
        }
        Arrays.sort(toConverge);
        Arrays.sort(losses);
        Arrays.sort(steps);
        return new TuningScore(n, toConverge[n / 2], losses[n / 2], losses[0], losses[n - 1],
                steps[n / 2], steps[0], steps[n - 1], converged, diverged);
    }

    /** True when more than half the runs kept a finite loss: the configuration is usable. */
    public boolean usable() {
        return medianLoss < Double.POSITIVE_INFINITY;
    }
}
