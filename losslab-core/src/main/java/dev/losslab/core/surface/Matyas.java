package dev.losslab.core.surface;

/**
 * Matyas' function: a quadratic valley along the diagonal y = x, minimum at the origin. Its
 * constant Hessian has curvature 1 across the valley and 0.04 along it (condition number 25).
 * <pre>
 *   f    = 0.26·(x² + y²) − 0.48·x·y
 *   ∇f   = (0.52x − 0.48y,  0.52y − 0.48x)
 *   ∇²f  = [[0.52, −0.48], [−0.48, 0.52]]
 * </pre>
 */
public record Matyas() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            f[i] = 0.26 * (x * x + y * y) - 0.48 * x * y;
            g[i] = 0.52 * x - 0.48 * y;
            g[n + i] = 0.52 * y - 0.48 * x;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] = 0.52;
            h[n + i] = -0.48;
            h[2 * n + i] = 0.52;
        }
    }
}
