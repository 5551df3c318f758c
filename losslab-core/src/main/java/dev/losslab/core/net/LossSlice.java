package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Job;
import java.util.List;
import java.util.Locale;

/**
 * A network's full-data loss on a plane through θ* ({@link Plane}): the values
 * L(θ* + α_i·d₁ + β_j·d₂) on a G×G grid of α, β in [−span, span], and the training path's
 * shadow on the plane.
 *
 * <p>The grid includes both ends, α_i = span·(2i − (G − 1))/(G − 1), written so that α_{(G−1)/2} is
 * exactly 0 for odd G (the centre value is L(θ*) to the bit) and α_{G−1} exactly span. Values are
 * row-major with β rising: {@code values[j·G + i]} = L(α_i, β_j), NaN where the loss is not finite.
 *
 * <p><b>The projected path is a shadow.</b> Each θ_k has coordinates (α_k, β_k) =
 * {@link Plane#project} and a residual, its distance off the plane. The path drawn at (α_k, β_k)
 * is where θ_k's shadow falls, not where θ_k is: it can cross the plane's contours where the real
 * path crossed none, and its loss (the training loss at θ_k) is not the plane's value under it,
 * which {@link PathPoint#planeLoss} gives for comparison.
 *
 * @param plane  the plane
 * @param span   the grid's half-width in α and β
 * @param size   G, points per side
 * @param values G² losses, NaN where not finite (shared: do not modify)
 * @param centreLoss L(θ*)
 * @param path   the path's shadow, in step order
 * @param pathEvery the path keeps every this many steps, and the last
 */
public record LossSlice(Plane plane, double span, int size, double[] values, double centreLoss, List<PathPoint> path,
                        int pathEvery) {

    /** Points per side when not told. */
    public static final int DEFAULT_SIZE = 41;
    /** Half-width when not told: α = ±1 is one whole direction away. */
    public static final double DEFAULT_SPAN = 1;
    /** Most points per side: 201² = 40,401 losses. */
    public static final int MAX_SIZE = 201;
    /** Most row·parameter products for the grid and the path's plane losses together. */
    public static final double MAX_WORK = 2e10;

    /**
     * One recorded θ_k seen on the plane.
     *
     * @param step      k
     * @param alpha     α_k, the least-squares coordinate along d₁
     * @param beta      β_k, along d₂
     * @param loss      L(θ_k), the training loss where the path really is
     * @param planeLoss L(θ* + α_k·d₁ + β_k·d₂), the plane's loss under its shadow
     * @param residual  ‖θ_k − shadow‖, how far off the plane θ_k lies
     */
    public record PathPoint(int step, double alpha, double beta, double loss, double planeLoss, double residual) {}

    public LossSlice {
        path = List.copyOf(path);
    }

    /** α_i (and β_i): span·(2i − (G − 1))/(G − 1). */
    public double coordinate(int i) {
        return span * (2.0 * i - (size - 1)) / (size - 1);
    }

    /** L(α_i, β_j), NaN where not finite. */
    public double value(int i, int j) {
        return values[j * size + i];
    }

    /**
     * Refuses, before any work, a grid size, span or amount of work outside the bounds.
     *
     * @param pathPoints the points whose plane loss is evaluated too
     */
    public static void check(Objective objective, double span, int size, int pathPoints) {
        if (size < 2 || size > MAX_SIZE) {
            throw InvalidInputException.outOfRange("grid", "in 2 … " + MAX_SIZE, size);
        }
        if (!(span > 0) || !Double.isFinite(span)) {
            throw InvalidInputException.outOfRange("span", "> 0 and finite", span);
        }
        double work = work(objective, size, pathPoints);
        if (work > MAX_WORK) {
            throw new InvalidInputException("grid", String.format(Locale.ROOT,
                    "a %d×%d slice of the %s network (%,d parameters) over %,d rows costs %.3g row·parameter products, "
                            + "more than the cap of %.0e: take a smaller --grid, a smaller model or fewer rows",
                    size, size, objective.network().shape(), objective.network().parameterCount(),
                    objective.examples().rows(), work, MAX_WORK));
        }
    }

    /**
     * The span that holds the shadows of {@code thetas} on {@code plane} with a margin,
     * 1.2·max(|α_k|, |β_k|) rounded up to two significant digits: PCA's unit directions leave no
     * natural scale of their own, so the paths set it. {@link #DEFAULT_SPAN} when they give none.
     */
    public static double spanHolding(Plane plane, List<double[]> thetas) {
        double extent = 0;
        for (double[] theta : thetas) {
            Plane.Projection p = plane.project(theta);
            extent = Math.max(extent, Math.max(Math.abs(p.alpha()), Math.abs(p.beta())));
        }
        if (!(extent > 0) || !Double.isFinite(extent)) {
            return DEFAULT_SPAN;
        }
        double wanted = 1.2 * extent;
        double unit = Math.pow(10, Math.floor(Math.log10(wanted)) - 1);
        return Math.ceil(wanted / unit) * unit;
    }

    /** Row·parameter products: one full-data loss per grid point and per path point. */
    static double work(Objective objective, int size, int pathPoints) {
        return ((double) size * size + pathPoints + 1) * objective.examples().rows() * objective.network().parameterCount();
    }

    /**
     * Evaluates the slice: the grid's rows spread over the cores as units of {@code job} (which can
     * cancel it between rows), and the path projected.
     *
     * @param path      the recorded θ_k, in step order
     * @param pathEvery the recorder's stride, to report
     */
    public static LossSlice compute(Objective objective, Plane plane, double span, int size,
                                    List<PathRecorder.Point> path, int pathEvery, Job job) {
        check(objective, span, size, path.size());
        Network network = objective.network();
        if (plane.dimension() != network.parameterCount()) {
            throw new IllegalArgumentException("a plane in " + plane.dimension() + " dimensions for "
                    + network.parameterCount() + " parameters");
        }
        double[] values = new double[size * size];
        PathPoint[] shadows = new PathPoint[path.size()];
        LossSlice shape = new LossSlice(plane, span, size, values, Double.NaN, List.of(), pathEvery);
        // Units 0 … G − 1 are grid rows; unit G is the path. Each has its own objective (an
        // objective holds one evaluation's scratch) and its own θ.
        job.forEachUnit(size + 1, unit -> {
            Objective own = new Objective(network, objective.loss(), objective.examples());
            double[] theta = new double[network.parameterCount()];
            if (unit < size) {
                double beta = shape.coordinate(unit);
                for (int i = 0; i < size; i++) {
                    plane.point(shape.coordinate(i), beta, theta);
                    values[unit * size + i] = finiteOrNaN(own.evaluate(theta, null));
                }
                return;
            }
            for (int k = 0; k < path.size(); k++) {
                PathRecorder.Point p = path.get(k);
                Plane.Projection at = plane.project(p.theta());
                plane.point(at.alpha(), at.beta(), theta);
                shadows[k] = new PathPoint(p.step(), at.alpha(), at.beta(), p.loss(), finiteOrNaN(own.evaluate(theta, null)),
                        at.residual());
            }
        });
        double centreLoss = finiteOrNaN(new Objective(network, objective.loss(), objective.examples()).evaluate(plane.centre(), null));
        return new LossSlice(plane, span, size, values, centreLoss, List.of(shadows), pathEvery);
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
