package dev.losslab.core.maps;

import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Vec2;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * A fair learning rate for one optimizer on one surface and start, so a race compares optimizers at
 * their best rather than at one hand-picked lr.
 *
 * <p>Candidates: the {@value #CANDIDATES} learning rates lr₀·10^(k/12), k = −24 … 12, where lr₀ is the
 * optimizer's default lr on that surface (the surface's lr for the SGD family, its adaptive lr for
 * Adam-like methods, 1 for Newton): lr₀/100 to 10·lr₀, twelve per decade (each ×1.21), lr₀ itself
 * among them, so tuning never does worse than the default by its own criterion. Each candidate is
 * run by the spec the caller builds for it (same start, steps, tolerance and other options).
 *
 * <p>The best, in this order:
 * <ol>
 *   <li>runs that converged at a known minimum (at any point, when the surface lists no minima),
 *       fewest steps first;</li>
 *   <li>then any other run that did not diverge, lowest final loss first (a run still creeping along
 *       a valley when its steps run out is ranked by how far down it got);</li>
 *   <li>ties go to the smaller lr, the more cautious choice.</li>
 * </ol>
 * When every candidate diverges, the default lr₀ is kept and {@link Tuned#found()} is false.
 */
public final class LearningRateTuning {

    public static final int CANDIDATES = 37;
    private static final int PER_DECADE = 12;
    private static final int DECADES_BELOW = 2;

    private LearningRateTuning() {}

    /**
     * The chosen lr and its run.
     *
     * @param learningRate the chosen lr (lr₀ when nothing usable was found)
     * @param outcome      the run at that lr
     * @param found        false when every candidate diverged
     * @param candidates   the learning rates tried, ascending
     */
    public record Tuned(double learningRate, Outcome outcome, boolean found, List<Double> candidates) {

        public Tuned {
            candidates = List.copyOf(candidates);
        }
    }

    /** lr₀·10^(k/12) for k = −24 … 12. */
    public static List<Double> candidates(double defaultLearningRate) {
        return IntStream.range(0, CANDIDATES)
                .mapToObj(i -> defaultLearningRate * Math.pow(10, (i - DECADES_BELOW * PER_DECADE) / (double) PER_DECADE))
                .toList();
    }

    /**
     * @param defaultLearningRate lr₀, the centre of the search
     * @param specAt              the run at a given lr
     */
    public static Tuned tune(double defaultLearningRate, DoubleFunction<RunSpec> specAt, Job job) {
        List<Double> lrs = candidates(defaultLearningRate);
        List<RunSpec> specs = lrs.stream().map(specAt::apply).toList();
        Budget.checkWork(CANDIDATES, specs.stream().mapToInt(RunSpec::maxSteps).max().orElse(0));
        Outcome[] ran = new Outcome[CANDIDATES];
        job.forEachUnit(CANDIDATES, i -> {
            ran[i] = Engine.outcome(specs.get(i), step -> job.check());
        });
        List<Outcome> outcomes = List.of(ran);
        RunSpec any = specs.getFirst();
        boolean noMinima = any.landscape().knownMinima().isEmpty();
        Comparator<Integer> best = Comparator
                .comparingInt((Integer i) -> rank(outcomes.get(i), specs.get(i), noMinima))
                .thenComparingDouble(i -> rank(outcomes.get(i), specs.get(i), noMinima) == 0
                        ? outcomes.get(i).steps() : lossOrWorst(outcomes.get(i)))
                .thenComparingDouble(i -> lossOrWorst(outcomes.get(i)))
                .thenComparingInt(i -> i);
        int chosen = IntStream.range(0, CANDIDATES).boxed().min(best).orElseThrow();
        if (rank(outcomes.get(chosen), specs.get(chosen), noMinima) == 2) {
            RunSpec fallback = specAt.apply(defaultLearningRate);
            return new Tuned(defaultLearningRate, Engine.outcome(fallback, step -> job.check()), false, lrs);
        }
        return new Tuned(lrs.get(chosen), outcomes.get(chosen), true, lrs);
    }

    /** 0: converged at a known minimum (or anywhere, with no known minima); 1: other usable; 2: diverged. */
    private static int rank(Outcome o, RunSpec spec, boolean noMinima) {
        if (o.diverged() || Double.isNaN(o.loss())) {
            return 2;
        }
        if (o.converged() && (noMinima || spec.landscape().minimumReachedFrom(new Vec2(o.x(), o.y())).isPresent())) {
            return 0;
        }
        return 1;
    }

    private static double lossOrWorst(Outcome o) {
        return Double.isNaN(o.loss()) ? Double.POSITIVE_INFINITY : o.loss();
    }
}
