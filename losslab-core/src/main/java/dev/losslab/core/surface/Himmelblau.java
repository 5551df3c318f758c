package dev.losslab.core.surface;

/**
 * Himmelblau's function: two squared residuals whose zero sets cross four times, giving four
 * global minima of value 0, one local maximum near (−0.27, −0.92) and four saddles between them.
 * <pre>
 *   u    = x² + y − 11,   v = x + y² − 7
 *   f    = u² + v²
 *   ∇f   = (4x·u + 2v,  2u + 4y·v)
 *   ∇²f  = [[4u + 8x² + 2,  4x + 4y     ],
 *           [4x + 4y,       4v + 8y² + 2]]
 * </pre>
 */
public record Himmelblau() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double u = x * x + y - 11;
            double v = x + y * y - 7;
            f[i] = u * u + v * v;
            g[i] = 4 * x * u + 2 * v;
            g[n + i] = 2 * u + 4 * y * v;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double u = x * x + y - 11;
            double v = x + y * y - 7;
            h[i] = 4 * u + 8 * x * x + 2;
            h[n + i] = 4 * (x + y);
            h[2 * n + i] = 4 * v + 8 * y * y + 2;
        }
    }
}
