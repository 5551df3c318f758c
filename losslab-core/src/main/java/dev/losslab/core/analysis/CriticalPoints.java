package dev.losslab.core.analysis;

import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * Finds the critical points of f (where ∇f = 0) inside a window, and classifies each one.
 *
 * <p>The search, with G = {@link CriticalPointOptions#gridSize()}:
 * <ol>
 *   <li><b>Scales.</b> At the G × G seeds (the centres of a G × G grid of cells over the window) it
 *       measures ‖∇f‖ and the spectral radius max(|λ1|, |λ2|) of ∇²f. Their medians over the seeds
 *       where f is finite (or the maxima, when a median is 0) are the gradient scale S_g and the
 *       curvature scale S_H of f in the window.</li>
 *   <li><b>Newton from every seed.</b> Damped Newton on ∇f = 0 with backtracking on ‖∇f‖² and a
 *       Levenberg–Marquardt fallback where ∇²f is singular, until
 *       ‖∇f‖ ≤ gradientTolerance · S_g, then polished to rounding level (degenerate roots included,
 *       by extrapolating their linear convergence). Seeds run in parallel; each is deterministic.</li>
 *   <li><b>Keep the ones inside.</b> Roots outside the window (closed) are dropped.</li>
 *   <li><b>Merge.</b> Taking roots in order of ‖∇f‖ (then seed order), a root is the same point
 *       as one already kept when it is closer than mergeFraction · span, or when it is closer than
 *       {@value #CONNECTED_FRACTION} · span and ‖∇f‖ stays within tolerance all along the
 *       segment between them (the wide, flat root of a degenerate point, which rounding in ∇f hides
 *       anywhere within a small region).</li>
 *   <li><b>Classify.</b> Each point is analysed with {@link PointAnalysis#at(Surface, Vec2, double)},
 *       an eigenvalue counting as zero also when |λ| ≤ {@value #ZERO_CURVATURE_FRACTION} · S_H, so
 *       a point whose Hessian vanishes (the monkey saddle's centre) is {@code degenerate}.</li>
 * </ol>
 * The result is sorted by value, then x, then y, and is the same on every run and core count.
 *
 * <p>Bounds: G ≤ 400 seeds per axis; per seed at most {@link CriticalPointOptions#maxIterations()}
 * damped iterations, each evaluating f and ∇f at most {@value #MAX_TRIAL_STEPS} times and ∇²f
 * once, then at most {@value #POLISH_STEPS} polishing steps of two evaluations each; merging
 * checks ‖∇f‖ at {@value #SEGMENT_SAMPLES} points per pair of roots that only the second rule can join.
 *
 * <p>Limits: a critical point whose Newton basin holds no seed is missed. On the catalog's
 * surfaces the counts are the same for G = 80, 160 and 300; Rastrigin's 441 points, 0.5 apart,
 * need G ≥ 28 (about 1.4 seeds per spacing), Lévi's 1597 need more than 40. A non-smooth minimum
 * (Ackley's cone tip, where ∇f jumps instead of vanishing) is not a critical point and is found
 * only if a seed lands on it exactly. A curve of critical points (a flat valley floor) comes back
 * as points about {@value #CONNECTED_FRACTION} · span apart along it, all degenerate.
 */
public final class CriticalPoints {

    /** Trial evaluations of f and ∇f per damped iteration: Newton's halvings, then LM's tries. */
    public static final int MAX_TRIAL_STEPS = 30;
    /** Backtracking halvings of a Newton step before switching to Levenberg–Marquardt. */
    public static final int MAX_HALVINGS = 10;
    /** Newton steps that polish a converged root. */
    public static final int POLISH_STEPS = 60;
    /** Roots this close (as a fraction of the span) with ‖∇f‖ within tolerance between them are one point. */
    public static final double CONNECTED_FRACTION = 1e-2;
    /** Points on the segment between two roots where the merge checks ‖∇f‖. */
    public static final int SEGMENT_SAMPLES = 16;
    /** An eigenvalue with |λ| at or below this fraction of the window's curvature scale is zero. */
    public static final double ZERO_CURVATURE_FRACTION = 1e-8;

    private CriticalPoints() {}

    /** The critical points of a landscape in its own window, with the default options. */
    public static List<CriticalPoint> find(Landscape landscape) {
        return find(landscape.surface(), landscape.window(), CriticalPointOptions.DEFAULTS);
    }

    /** The critical points of {@code surface} inside {@code window}, with the default options. */
    public static List<CriticalPoint> find(Surface surface, Window window) {
        return find(surface, window, CriticalPointOptions.DEFAULTS);
    }

    /** The critical points of {@code surface} inside {@code window}; see the class comment. */
    public static List<CriticalPoint> find(Surface surface, Window window, CriticalPointOptions options) {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(options, "options");
        int g = options.gridSize();
        double[] gradientNorms = new double[g * g];
        double[] curvatures = new double[g * g];
        IntStream.range(0, g * g).parallel().forEach(i -> {
            Vec2 seed = seed(window, g, i);
            Vec2 gradient = surface.gradient(seed);
            Sym2 hessian = surface.hessian(seed);
            boolean finite = Double.isFinite(surface.value(seed)) && gradient.isFinite() && hessian.isFinite();
            gradientNorms[i] = finite ? gradient.norm() : Double.NaN;
            curvatures[i] = finite ? spectralRadius(hessian) : Double.NaN;
        });
        double gradientScale = typical(gradientNorms);
        double curvatureScale = typical(curvatures);
        if (Double.isNaN(gradientScale)) {
            return List.of(); // f is undefined at every seed (both scales come from the same seeds)
        }

        double tolerance = options.gradientTolerance() * gradientScale;
        NewtonOnGradient newton = new NewtonOnGradient(surface, window, options.maxIterations(), tolerance);
        // The seeds run on the common pool; the caller's interrupt flag is what stops them (a server
        // bounding a request's time interrupts the thread that asked).
        Thread caller = Thread.currentThread();
        List<NewtonOnGradient.Root> roots = IntStream.range(0, g * g).parallel()
                .mapToObj(i -> {
                    if (caller.isInterrupted()) {
                        throw new CancellationException("the critical-point search was interrupted");
                    }
                    Vec2 seed = seed(window, g, i);
                    return newton.solve(i, seed.x(), seed.y());
                })
                .filter(root -> root != null && window.contains(root.at()))
                .toList();

        double zeroCurvature = ZERO_CURVATURE_FRACTION * curvatureScale;
        List<CriticalPoint> points = new ArrayList<>();
        for (Vec2 p : new RootMerger(surface, window, options.mergeFraction(), tolerance).merge(roots)) {
            points.add(new CriticalPoint(PointAnalysis.at(surface, p, zeroCurvature)));
        }
        points.sort(Comparator.comparingDouble(CriticalPoint::value)
                .thenComparingDouble(CriticalPoint::x)
                .thenComparingDouble(CriticalPoint::y));
        return List.copyOf(points);
    }

    /** Seed i (row-major) of a g × g grid: the centre of its cell. */
    private static Vec2 seed(Window window, int g, int i) {
        int column = i % g, row = i / g;
        return new Vec2(
                window.xMin() + (column + 0.5) * window.width() / g,
                window.yMin() + (row + 0.5) * window.height() / g);
    }

    private static double spectralRadius(Sym2 h) {
        Sym2.Eigen e = h.eigen();
        return Math.max(Math.abs(e.first()), Math.abs(e.second()));
    }

    /** The median of the finite values (the maximum if the median is 0); NaN when none is finite. */
    static double typical(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        double median = finite[finite.length / 2];
        return median > 0 ? median : finite[finite.length - 1];
    }

}
