package dev.losslab.core.run;

import dev.losslab.core.analysis.CriticalPoint;
import dev.losslab.core.analysis.CriticalPoints;
import dev.losslab.core.analysis.CurvatureKind;
import dev.losslab.core.analysis.PointAnalysis;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Vec2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places a run can end on one landscape, and which of them a run ended at ({@link EndPoint}).
 *
 * <p>The places are the landscape's critical points in its window ({@link CriticalPoints#find}),
 * searched once per landscape and only when a run needs them. Its minima are numbered from 1: the
 * listed ones first, in the landscape's order, then every other minimum the search found, by value,
 * then x, then y — so "minimum 5" names the same point in a race, a basin map and the command line.
 *
 * <p>A run's end (its stop reason and last point) is classified by the nearest place within
 * {@value #REACH_FRACTION} × the window's span of its last point:
 * <ul>
 *   <li>diverged → {@link EndPoint.Diverged};</li>
 *   <li>a minimum: {@link EndPoint.AtMinimum} when a convergence test stopped the run, else
 *       {@link EndPoint.NearMinimum} (out of steps still moving about it, as a noisy run does);</li>
 *   <li>a saddle, maximum or degenerate point → {@link EndPoint.AtCriticalPoint};</li>
 *   <li>none, after converging (outside the window, where nothing was searched): when Newton's step
 *       from the last point stays within reach, the Hessian there tells its kind → {@link
 *       EndPoint.AtCriticalPoint}; else the slope only faded without vanishing → {@link EndPoint.Unsettled};</li>
 *   <li>none, without converging → {@link EndPoint.Unsettled}.</li>
 * </ul>
 * A last point within reach of a listed minimum is settled without any search, so the common case —
 * a race on a catalog surface that found its minimum — costs one distance per listed minimum.
 *
 * <p>A noisy run never converges (its noise is what moves it) and jitters about a minimum rather
 * than stopping within reach of it. So, as SGD statistics have always done, its place is decided
 * after the noise ({@link #classify(RunSpec, Outcomes)}): from its last point the same optimizer and
 * lr run again without noise (fresh state, same step budget), and where that clean run ends is where
 * the noisy one was hovering: {@link EndPoint.NearMinimum} for a minimum, never {@link
 * EndPoint.AtMinimum}; a critical point, not converged.
 */
public final class Destinations {

    /** A run ends at a place when its last point is within this fraction of the window's span of it. */
    public static final double REACH_FRACTION = 1e-2;

    /** Landscapes remembered with their places (a server sees typed formulas come and go). */
    private static final int REMEMBERED = 32;

    private static final Map<Landscape, Destinations> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Landscape, Destinations> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final Landscape landscape;
    private final double reach;
    private final List<Minimum> listed;
    /** Filled once, on first need: every place, minima numbered first. */
    private volatile Places places;

    private Destinations(Landscape landscape) {
        this.landscape = landscape;
        this.reach = REACH_FRACTION * landscape.window().span();
        this.listed = landscape.knownMinima();
    }

    /** The destinations of {@code landscape}, shared by every caller until it is forgotten. */
    public static Destinations of(Landscape landscape) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(landscape, Destinations::new);
        }
    }

    /** How close a last point must be to a place to have ended there. */
    public double reach() {
        return reach;
    }

    /** The minima, numbered from 1 as listed here: the landscape's listed ones, then the others found. */
    public List<Minimum> minima() {
        return places().minima;
    }

    /** How many of {@link #minima()} the landscape lists: the first ones. */
    public int listedCount() {
        return listed.size();
    }

    /** Where a run that stopped for {@code stop} at ({@code x}, {@code y}) ended. */
    public EndPoint classify(StopReason stop, double x, double y) {
        if (stop instanceof StopReason.Diverged) {
            return new EndPoint.Diverged();
        }
        if (!(Double.isFinite(x) && Double.isFinite(y))) {
            return new EndPoint.Unsettled();
        }
        boolean converged = stop instanceof StopReason.Converged;
        int k = nearestListed(x, y);
        if (k >= 0) {
            return minimum(k, converged);
        }
        Places all = places();
        int place = all.nearest(x, y, reach);
        if (place >= 0 && place < all.minima.size()) {
            return minimum(place, converged);
        }
        if (place >= 0) {
            CriticalPoint p = all.others.get(place - all.minima.size());
            return new EndPoint.AtCriticalPoint(p.kind(), p.at(), p.value(), converged);
        }
        if (converged) {
            try {
                PointAnalysis here = PointAnalysis.at(landscape.surface(), new Vec2(x, y));
                // A slope under the tolerance is not yet a critical point: where the loss keeps falling
                // for ever (classes a line separates), slope and curvature fade together, and Newton's
                // step to where the slope would vanish stays long.
                if (!(here.distanceToFlat() <= reach)) {
                    return new EndPoint.Unsettled();
                }
                return new EndPoint.AtCriticalPoint(here.kind(), here.point(), here.value(), true);
            } catch (dev.losslab.core.InvalidInputException undefined) {
                return new EndPoint.Unsettled();
            }
        }
        return new EndPoint.Unsettled();
    }

    /**
     * Where each run of a batch of {@code spec} ended ({@code ended}, in the batch's order): as
     * {@link #classify(StopReason, double, double)} when the runs were noise-free; when noisy, where
     * a clean run from each last point settles (one more batch of the engine), as the class comment says.
     */
    public EndPoint[] classify(RunSpec spec, Outcomes ended) {
        int n = ended.count();
        EndPoint[] ends = new EndPoint[n];
        if (!spec.noisy()) {
            for (int i = 0; i < n; i++) {
                ends[i] = classify(ended.stop(i), ended.end(i, 0), ended.end(i, 1));
            }
            return ends;
        }
        // A run from a diverged end stops at once (the engine's same point check); it is labelled diverged anyway.
        Outcomes settled = Engine.run(spec.exact(), ended.ends(), n, null, step -> { });
        for (int i = 0; i < n; i++) {
            ends[i] = ended.stop(i) instanceof StopReason.Diverged ? new EndPoint.Diverged()
                    : hovering(classify(settled.stop(i), settled.end(i, 0), settled.end(i, 1)));
        }
        return ends;
    }

    /** Where one run of {@code spec} that stopped for {@code stop} at ({@code x}, {@code y}) ended; noisy, where it hovered. */
    public EndPoint classify(RunSpec spec, StopReason stop, double x, double y) {
        if (!spec.noisy() || stop instanceof StopReason.Diverged) {
            return classify(stop, x, y);
        }
        Outcomes settled = Engine.run(spec.exact(), new double[] {x, y}, 1, null, step -> { });
        return hovering(classify(settled.stop(0), settled.end(0, 0), settled.end(0, 1)));
    }

    /** Where a noisy run hovered, from where the clean run after it ended. */
    private static EndPoint hovering(EndPoint settled) {
        return switch (settled) {
            case EndPoint.AtMinimum m -> new EndPoint.NearMinimum(m.number(), m.minimum(), m.listed());
            case EndPoint.AtCriticalPoint p -> new EndPoint.AtCriticalPoint(p.kind(), p.at(), p.value(), false);
            case EndPoint.NearMinimum m -> m;
            case EndPoint.Diverged d -> d;
            case EndPoint.Unsettled u -> u;
        };
    }

    private EndPoint minimum(int index, boolean converged) {
        boolean isListed = index < listed.size();
        // A listed minimum needs no search: the common case stays one distance per listed minimum.
        Minimum m = isListed ? listed.get(index) : places().minima.get(index);
        return converged ? new EndPoint.AtMinimum(index + 1, m, isListed) : new EndPoint.NearMinimum(index + 1, m, isListed);
    }

    /** The nearest listed minimum within reach, or −1. */
    private int nearestListed(double x, double y) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int m = 0; m < listed.size(); m++) {
            double d = Math.hypot(x - listed.get(m).at().x(), y - listed.get(m).at().y());
            if (d <= reach && d < bestDistance) {
                best = m;
                bestDistance = d;
            }
        }
        return best;
    }

    private Places places() {
        Places p = places;
        if (p == null) {
            synchronized (this) {
                p = places;
                if (p == null) {
                    p = new Places(listed, CriticalPoints.find(landscape), reach);
                    places = p;
                }
            }
        }
        return p;
    }

    /**
     * Every place, minima first (listed, then found by value, x, y), then the other critical points,
     * with a grid of buckets one reach wide so that finding the nearest looks at nine buckets.
     */
    private static final class Places {
        final List<Minimum> minima;
        final List<CriticalPoint> others;
        private final double[] xs;
        private final double[] ys;
        private final double bucket;
        private final Map<Long, List<Integer>> buckets = new HashMap<>();

        Places(List<Minimum> listed, List<CriticalPoint> found, double reach) {
            List<Minimum> minima = new ArrayList<>(listed);
            List<CriticalPoint> others = new ArrayList<>();
            // found is sorted by value, x, y: the numbering of the minima not listed.
            for (CriticalPoint p : found) {
                if (p.kind() != CurvatureKind.MINIMUM) {
                    others.add(p);
                } else if (listed.stream().noneMatch(m -> m.at().distanceTo(p.at()) <= reach)) {
                    minima.add(new Minimum(p.at(), p.value()));
                }
            }
            this.minima = List.copyOf(minima);
            this.others = List.copyOf(others);
            int n = minima.size() + others.size();
            xs = new double[n];
            ys = new double[n];
            for (int i = 0; i < n; i++) {
                Vec2 at = i < minima.size() ? minima.get(i).at() : others.get(i - minima.size()).at();
                xs[i] = at.x();
                ys[i] = at.y();
            }
            bucket = reach > 0 ? reach : 1;
            for (int i = 0; i < n; i++) {
                buckets.computeIfAbsent(key(cell(xs[i]), cell(ys[i])), unused -> new ArrayList<>()).add(i);
            }
        }

        /** The nearest place within reach of (x, y), or −1. */
        int nearest(double x, double y, double reach) {
            long cx = cell(x);
            long cy = cell(y);
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (long i = cx - 1; i <= cx + 1; i++) {
                for (long j = cy - 1; j <= cy + 1; j++) {
                    for (int p : buckets.getOrDefault(key(i, j), List.of())) {
                        double d = Math.hypot(x - xs[p], y - ys[p]);
                        if (d <= reach && d < bestDistance) {
                            best = p;
                            bestDistance = d;
                        }
                    }
                }
            }
            return best;
        }

        private long cell(double v) {
            return (long) Math.floor(v / bucket);
        }

        private static long key(long i, long j) {
            return i * 0x9E3779B97F4A7C15L ^ j;
        }
    }
}
