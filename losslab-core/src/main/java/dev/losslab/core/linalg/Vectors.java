package dev.losslab.core.linalg;

/** The few whole-vector operations the curvature and network code share, summed in index order. */
public final class Vectors {

    private Vectors() {}

    /** xᵀy, summed from the first element to the last. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** ‖x‖, the Euclidean norm. */
    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** A copy in the opposite order: eigenvalues ascending from descending, or the other way. */
    public static double[] reversed(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[x.length - 1 - i];
        }
        return out;
    }
}
