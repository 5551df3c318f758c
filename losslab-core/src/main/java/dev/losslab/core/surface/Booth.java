package dev.losslab.core.surface;

/**
 * Booth's function: two crossing linear residuals, a tilted quadratic bowl with its minimum at
 * (1, 3). The Hessian is constant with curvatures 18 and 2 along the diagonals (1, 1) and (1, −1).
 * <pre>
 *   p    = x + 2y − 7,   q = 2x + y − 5
 *   f    = p² + q²
 *   ∇f   = (2p + 4q,  4p + 2q)
 *   ∇²f  = [[10, 8], [8, 10]]
 * </pre>
 */
public record Booth() implements Surface {

    @Override
    public void valueAndGradient(double[] points, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = points[i], y = points[n + i];
            double p = x + 2 * y - 7;
            double q = 2 * x + y - 5;
            f[i] = p * p + q * q;
            g[i] = 2 * p + 4 * q;
            g[n + i] = 4 * p + 2 * q;
        }
    }

    @Override
    public void hessian(double[] points, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] = 10;
            h[n + i] = 8;
            h[2 * n + i] = 10;
        }
    }
}
