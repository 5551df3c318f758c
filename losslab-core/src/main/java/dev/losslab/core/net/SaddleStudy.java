package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Job;
import dev.losslab.core.run.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saddles in many dimensions (Dauphin et al. 2014, seed 003): train a small network from several
 * initialisations, take points along each run, search from each for a critical point
 * ({@link CriticalSearch}), and classify what is found by its Hessian's index, the share of
 * negative eigenvalues. Their finding, which this lets one check: critical points with a high loss
 * are saddles with many descent directions, and the index falls to 0 (minima) as the loss falls.
 */
public final class SaddleStudy {

    /** Most searches one study runs. */
    public static final int MAX_SEARCHES = 2_000;
    /** ‖∇L‖ that counts as critical when the caller does not say. */
    public static final double DEFAULT_TOLERANCE = 1e-7;

    /**
     * What to study.
     *
     * @param training          the training run whose points seed the searches (its θ₀ is run 0's)
     * @param runs              training runs, run r from θ₀ of seed {@code seed + r} (run 0 from the spec's θ₀)
     * @param seed              the seed of run 1's θ₀ is seed + 1, and so on
     * @param startsEvery       a search starts from θ_k at k = 0, K, 2K, … up to the last step
     * @param searchSteps       Levenberg–Marquardt iterations per search at most
     * @param gradientTolerance ‖∇L‖ that counts as critical
     */
    public record Spec(Training.Spec training, int runs, long seed, int startsEvery, int searchSteps,
                       double gradientTolerance) {
        public Spec {
            if (runs < 1 || runs > 100) {
                throw InvalidInputException.outOfRange("runs", "in 1 … 100", runs);
            }
            if (searchSteps < 1 || searchSteps > CriticalSearch.MAX_ITERATIONS) {
                throw InvalidInputException.outOfRange("search-steps", "in 1 … " + CriticalSearch.MAX_ITERATIONS, searchSteps);
            }
            if (!(gradientTolerance > 0) || !Double.isFinite(gradientTolerance)) {
                throw InvalidInputException.outOfRange("tolerance", "> 0 and finite", gradientTolerance);
            }
            CriticalSearch.checkSize(training.objective());
            if (startsEvery < 1) {
                throw InvalidInputException.outOfRange("starts-every", "a whole number of steps >= 1", startsEvery);
            }
            int searches = searches(training.steps(), runs, startsEvery);
            if (searches > MAX_SEARCHES) {
                throw new InvalidInputException("starts-every", String.format(Locale.ROOT, "%d runs with a start every %d "
                        + "of %d steps make %,d searches, more than %,d: start less often or run fewer", runs, startsEvery,
                        training.steps(), searches, MAX_SEARCHES));
            }
            Objective o = training.objective();
            double work = work(training, runs, startsEvery, searchSteps);
            if (work > Training.MAX_WORK) {
                throw new InvalidInputException("search-steps", String.format(Locale.ROOT, "%,d searches of up to %d "
                        + "iterations on the %s network cost up to %.3g row·parameter products, more than the cap of %.0e: "
                        + "fewer searches, fewer iterations or a smaller model", searches, searchSteps,
                        o.network().shape(), work, Training.MAX_WORK));
            }
        }

        /** Row·parameter products of the whole study at most: the training runs and every search's iterations. */
        public double work() {
            return work(training, runs, startsEvery, searchSteps);
        }

        /** The searches the study runs. */
        public int searches() {
            return searches(training.steps(), runs, startsEvery);
        }

        private static double work(Training.Spec training, int runs, int startsEvery, int searchSteps) {
            Objective o = training.objective();
            return searches(training.steps(), runs, startsEvery) * CriticalSearch.work(o, searchSteps)
                    + runs * Training.work(o, training.steps(), training.batches());
        }

        static int searches(int steps, int runs, int every) {
            return runs * EveryKthStep.count(steps, every);
        }
    }

    /**
     * One search: where it started and what it found.
     *
     * @param run       the training run
     * @param step      the step of that run it started from
     * @param startLoss L at the start
     * @param found     where it ended
     */
    public record Point(int run, int step, double startLoss, CriticalSearch.Found found) {}

    private SaddleStudy() {}

    /** Trains the runs, then searches from their points in parallel, reporting to {@code job}. */
    public static List<Point> run(Spec spec, Job job) {
        Training.Spec t = spec.training();
        Network network = t.objective().network();
        List<double[]> starts = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        List<Double> startLosses = new ArrayList<>();
        Engine.Checkpoint checkpoint = job.checkpoint();
        for (int r = 0; r < spec.runs(); r++) {
            double[] initial = r == 0 ? t.initial() : network.initialParameters(spec.seed() + r);
            Training.Spec run = new Training.Spec(t.objective(), t.optimizer(), t.optimizerName(), t.learningRate(),
                    t.schedule(), t.steps(), t.batches(), initial);
            int runIndex = r;
            int last = t.steps();
            Training.run(run, (step, theta) -> {
                if (step.step() % spec.startsEvery() == 0 || step.step() == last) {
                    starts.add(theta.clone());
                    where.add(new int[] {runIndex, step.step()});
                    startLosses.add(step.loss());
                }
            }, checkpoint);
        }
        Point[] points = new Point[starts.size()];
        job.forEachUnit(points.length, i -> {
            Objective own = new Objective(network, t.objective().loss(), t.objective().examples());
            CriticalSearch.Found found = CriticalSearch.from(own, starts.get(i), spec.searchSteps(),
                    spec.gradientTolerance(), checkpoint);
            points[i] = new Point(where.get(i)[0], where.get(i)[1], startLosses.get(i), found);
        });
        return List.of(points);
    }
}
