package dev.losslab.core.net;

import dev.losslab.core.field.MarchingSquares;
import dev.losslab.core.field.SampledField;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * What a classifier of two inputs says over a window of them: the class it predicts at each point
 * of a grid, and its decision boundary, traced by marching squares. The rule is the one accuracy
 * counts with ({@link Loss#predictedClass}):
 * <ul>
 *   <li>one output z (a logit for bce, a score for mse on 0/1 labels): class 1 where z is above the
 *       threshold t (0 for a logit, where σ(z) = ½; ½ for mse), so the boundary is the line z − t = 0;</li>
 *   <li>K outputs: the class of the largest, so the boundary of class k's region is the zero line of
 *       its margin m_k = z_k − max_{j≠k} z_j. The regions of classes 0 … K−2 are outlined: every line
 *       between two classes bounds one of them (between k and K−1 it bounds k).</li>
 * </ul>
 *
 * @param window   the inputs' window, x₁ across and x₂ up
 * @param size     grid points per side (both edges included, {@link SampledField})
 * @param classes  the predicted class at grid point (i, j), row-major from the bottom: {@code classes[j·size + i]}
 * @param boundary the decision boundary as polylines {@code [x0, y0, x1, y1, …]} in input units
 */
public record DecisionMap(Window window, int size, int[] classes, List<double[]> boundary) {

    /** Most grid points per side: a 200² grid is 40,000 forward passes. */
    public static final int MAX_SIZE = 200;

    public DecisionMap {
        classes = classes.clone();
        boundary = List.copyOf(boundary);
    }

    /**
     * The map of the network of {@code objective} at parameters {@code theta}.
     *
     * @throws IllegalArgumentException when the network does not take two inputs or its examples are
     *         not classes, or the size is out of 2 … {@link #MAX_SIZE}
     */
    public static DecisionMap of(Objective objective, double[] theta, Window window, int size) {
        Network network = objective.network();
        if (network.inputs() != 2 || !objective.examples().classification()) {
            throw new IllegalArgumentException("a decision map needs a classifier of two inputs, not "
                    + network.shape() + " on " + objective.examples().name());
        }
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in 2 … " + MAX_SIZE + ", got " + size);
        }
        int outputs = network.outputs();
        Loss loss = objective.loss();
        Forward forward = new Forward(network);
        // margins[k][j·size + i]: for one output z − t, for K outputs m_k
        int fields = outputs == 1 ? 1 : outputs - 1;
        double[][] margins = new double[fields][size * size];
        int[] classes = new int[size * size];
        double[] z = new double[outputs];
        SampledField grid = new SampledField(window, size, new double[size * size]);
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                int at = j * size + i;
                forward.outputs(theta, grid.x(i), grid.y(j), z);
                classes[at] = loss.predictedClass(z, 0, outputs);
                if (outputs == 1) {
                    margins[0][at] = z[0] - loss.oneOutputThreshold();
                } else {
                    for (int k = 0; k < fields; k++) {
                        double others = Double.NEGATIVE_INFINITY;
                        for (int m = 0; m < outputs; m++) {
                            if (m != k) {
                                others = Math.max(others, z[m]);
                            }
                        }
                        margins[k][at] = z[k] - others;
                    }
                }
            }
        }
        List<double[]> boundary = new ArrayList<>();
        for (double[] margin : margins) {
            for (int at = 0; at < margin.length; at++) {
                if (!Double.isFinite(margin[at])) {
                    margin[at] = Double.NaN; // SampledField's "no value here"
                }
            }
            boundary.addAll(new MarchingSquares(new SampledField(window, size, margin)).trace(0));
        }
        return new DecisionMap(window, size, classes, boundary);
    }

    /** The network's outputs for one input row, as {@link Objective}'s forward pass computes them. */
    private static final class Forward {
        private final Network network;
        private final double[][] a;

        Forward(Network network) {
            this.network = network;
            a = new double[network.layers() + 1][];
            for (int l = 0; l <= network.layers(); l++) {
                a[l] = new double[network.width(l)];
            }
        }

        /** z_L at the input (x₁, x₂), into {@code out}. */
        void outputs(double[] theta, double x1, double x2, double[] out) {
            a[0][0] = x1;
            a[0][1] = x2;
            int layers = network.layers();
            for (int l = 0; l < layers; l++) {
                int in = network.width(l);
                int outWidth = network.width(l + 1);
                int w = network.weightOffset(l);
                int b = network.biasOffset(l);
                double[] next = l + 1 < layers ? a[l + 1] : out;
                for (int o = 0; o < outWidth; o++) {
                    double s = 0;
                    int wo = w + o * in;
                    for (int j = 0; j < in; j++) {
                        s += theta[wo + j] * a[l][j];
                    }
                    s += theta[b + o];
                    next[o] = l + 1 < layers ? network.activation().apply(s) : s;
                }
            }
        }
    }
}
