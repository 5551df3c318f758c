package dev.losslab.core.surface;

/**
 * The Styblinski–Tang function in two dimensions: a separable double well per axis, tilted by the
 * 5·t term so the left well (t ≈ −2.9035) is deeper than the right one (t ≈ 2.7468). Its four
 * minima are the four pairings of those two wells; the global one has both coordinates left.
 * <pre>
 *   f    = (x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)/2
 *   ∇f   = (2x³ − 16x + 2.5,  2y³ − 16y + 2.5)
 *   ∇²f  = [[6x² − 16, 0], [0, 6y² − 16]]
 * </pre>
 */
public record StyblinskiTang() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double x2 = x * x;
            double y2 = y * y;
            f[i] = 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
            g[i] = x * (2 * x2 - 16) + 2.5;
            g[n + i] = y * (2 * y2 - 16) + 2.5;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            h[i] = 6 * x * x - 16;
            h[n + i] = 0;
            h[2 * n + i] = 6 * y * y - 16;
        }
    }
}
