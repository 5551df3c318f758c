package dev.losslab.core.maps;

import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Vec2;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The runs {@link FairTuning} scores each configuration by: every start here with every seed, the
 * same for every racer of a race.
 *
 * <p><b>Starts.</b> The race's start θ₀ and four points around it, θ₀ + r·(±1, ±1)/√2 (north-east,
 * north-west, south-west, south-east, in that order), at r = {@value #RADIUS_FRACTION} of the
 * surface window's span (0.4 on the 8-wide bowl, 0.5 on Himmelblau's 10-wide square). A fixed pattern
 * rather than random points over the window: the race asks which optimizer does best from
 * <em>this</em> start, and points far from it may lie in other basins, with other minima and other
 * curvatures, a different problem; points near it still keep a configuration from winning on one
 * lucky alignment of start and step (a step that lands on the minimum from θ₀ alone). A pattern needs
 * no seed and is reproduced exactly.
 *
 * <p><b>Seeds.</b> With gradient noise (σ &gt; 0) each start runs with {@value #NOISY_SEEDS} seeds,
 * s, s + 1, s + 2 from the race's seed s; without noise, once with s: a deterministic run repeated
 * gives the same outcome, and the median and range over copies of each run are those over the runs
 * themselves. So there are 5 runs per configuration, or 15 with noise — always an odd number, so
 * that a median is one run's value. The race's own run (θ₀ with seed s) is the first of them.
 *
 * @param starts the starts, the race's first
 * @param seeds  the noise seeds each start runs with
 */
public record TuningTrials(List<Vec2> starts, List<Long> seeds) {

    /** The distance of the four other starts from the race's, as a fraction of the window's span. */
    public static final double RADIUS_FRACTION = 0.05;
    /** Seeds per start when the gradient is noisy. */
    public static final int NOISY_SEEDS = 3;

    public TuningTrials {
        starts = List.copyOf(starts);
        seeds = List.copyOf(seeds);
    }

    /** The trials around {@code spec}'s start, on its landscape, with its seed and noise. */
    public static TuningTrials around(RunSpec spec) {
        Vec2 start = spec.start();
        double d = RADIUS_FRACTION * spec.landscape().window().span() / Math.sqrt(2);
        List<Vec2> starts = new ArrayList<>(List.of(start));
        for (double[] sign : new double[][] {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}}) {
            starts.add(new Vec2(start.x() + sign[0] * d, start.y() + sign[1] * d));
        }
        int seeds = spec.noisy() ? NOISY_SEEDS : 1;
        return new TuningTrials(starts, LongStream.range(0, seeds).mapToObj(k -> spec.seed() + k).toList());
    }

    /** Runs per configuration: starts × seeds. */
    public int runs() {
        return starts.size() * seeds.size();
    }

    /** Run p's start: start p / seeds, with seed p mod seeds. */
    public Vec2 start(int run) {
        return starts.get(run / seeds.size());
    }

    public long seed(int run) {
        return seeds.get(run % seeds.size());
    }
}
