package dev.losslab.core.surface;

/**
 * An axis-aligned quadratic with curvatures a and b: the simplest landscape, and the one whose
 * optimizer behaviour theory predicts exactly.
 * <pre>
 *   f    = a·x²/2 + b·y²/2
 *   ∇f   = (a·x, b·y)
 *   ∇²f  = [[a, 0], [0, b]]
 * </pre>
 * With a = 1, b = 10 it is the seed lab's bowl; with a = 2, b = −2 it is the saddle x² − y².
 */
public record Quadratic(double a, double b) implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            f[i] = 0.5 * a * x * x + 0.5 * b * y * y;
            g[i] = a * x;
            g[n + i] = b * y;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] = a;
            h[n + i] = 0;
            h[2 * n + i] = b;
        }
    }
}
