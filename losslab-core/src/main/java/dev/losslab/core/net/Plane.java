package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Vectors;
import java.util.List;

/**
 * A plane in parameter space: the points θ* + α·d₁ + β·d₂ through a centre θ* spanned by two
 * directions d₁, d₂ (N-vectors, not necessarily orthogonal nor of unit length), with the words
 * that say where the directions came from.
 *
 * @param centre            θ*
 * @param first             d₁
 * @param second            d₂
 * @param description       how d₁ and d₂ were chosen, for people
 * @param explainedVariance for PCA directions, the share of the trajectory's squared distance from
 *                          θ* that each captures; empty otherwise
 */
public record Plane(double[] centre, double[] first, double[] second, String description, List<Double> explainedVariance) {

    /**
     * Largest |cos| between d₁ and d₂: beyond it the normal equations of {@link #project} lose
     * about as many digits as 1/(1 − cos²) has, and the picture is a line, not a plane.
     */
    static final double MAX_COSINE = 1 - 1e-9;

    public Plane {
        if (first.length != centre.length || second.length != centre.length) {
            throw new IllegalArgumentException("directions of " + first.length + " and " + second.length
                    + " values for a centre of " + centre.length);
        }
        double g11 = Vectors.dot(first, first);
        double g22 = Vectors.dot(second, second);
        if (!(g11 > 0) || !(g22 > 0) || !Double.isFinite(g11) || !Double.isFinite(g22)) {
            throw new InvalidInputException("directions", "the " + description + " directions include a zero "
                    + "(or non-finite) vector, so they span no plane" + (g11 > 0 && g22 > 0 ? "" : zeroHint(description)));
        }
        if (Math.abs(Vectors.dot(first, second)) / Math.sqrt(g11 * g22) > MAX_COSINE) {
            throw new InvalidInputException("directions", "the " + description + " directions are parallel, so they "
                    + "span a line, not a plane");
        }
        centre = centre.clone();
        first = first.clone();
        second = second.clone();
        explainedVariance = List.copyOf(explainedVariance);
    }

    private static String zeroHint(String description) {
        return description.startsWith("random") ? " (filter normalisation scales each row of weights to the "
                + "centre's row, and the centre's weights are all zero)" : "";
    }

    /** N, the dimension of the space the plane lies in. */
    public int dimension() {
        return centre.length;
    }

    /** θ* + α·d₁ + β·d₂ into {@code into} (N values). */
    public void point(double alpha, double beta, double[] into) {
        for (int p = 0; p < centre.length; p++) {
            into[p] = centre[p] + alpha * first[p] + beta * second[p];
        }
    }

    /**
     * Where θ's shadow falls on the plane, and how far θ lies off it.
     *
     * @param alpha    α
     * @param beta     β
     * @param residual ‖v − α·d₁ − β·d₂‖ with v = θ − θ*: the distance from θ to its shadow
     */
    public record Projection(double alpha, double beta, double residual) {}

    /**
     * The least-squares coordinates of v = θ − θ* in the basis (d₁, d₂), which need not be
     * orthogonal (random directions are not), from the 2×2 normal equations
     * <pre>
     *   [d₁·d₁  d₁·d₂] [α]   [d₁·v]
     *   [d₁·d₂  d₂·d₂] [β] = [d₂·v]      α = (g₂₂·b₁ − g₁₂·b₂)/det,  β = (g₁₁·b₂ − g₁₂·b₁)/det
     * </pre>
     * with det = g₁₁·g₂₂ − g₁₂² &gt; 0 (the constructor refuses parallel directions). The residual is
     * summed from the difference itself, not as ‖v‖² − (α·b₁ + β·b₂), which cancels when θ lies
     * near the plane.
     */
    public Projection project(double[] theta) {
        double g11 = 0;
        double g12 = 0;
        double g22 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int p = 0; p < centre.length; p++) {
            double v = theta[p] - centre[p];
            g11 += first[p] * first[p];
            g12 += first[p] * second[p];
            g22 += second[p] * second[p];
            b1 += first[p] * v;
            b2 += second[p] * v;
        }
        double det = g11 * g22 - g12 * g12;
        double alpha = (g22 * b1 - g12 * b2) / det;
        double beta = (g11 * b2 - g12 * b1) / det;
        double[] off = new double[centre.length];
        double largest = 0;
        for (int p = 0; p < centre.length; p++) {
            off[p] = theta[p] - centre[p] - alpha * first[p] - beta * second[p];
            largest = Math.max(largest, Math.abs(off[p]));
        }
        if (!(largest > 0) || !Double.isFinite(largest)) {
            return new Projection(alpha, beta, largest);
        }
        // Summed in units of the largest entry, so a θ of 1e200 (a run about to diverge) does not overflow.
        double squares = 0;
        for (double o : off) {
            squares += (o / largest) * (o / largest);
        }
        return new Projection(alpha, beta, largest * Math.sqrt(squares));
    }
}
