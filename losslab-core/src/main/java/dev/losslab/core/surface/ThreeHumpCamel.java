package dev.losslab.core.surface;

/**
 * The three-hump camel: a sextic in x coupled to y by x·y. Global minimum at the origin and two
 * local minima at x = ±√((4.2 + √3.64)/2), y = −x/2, between which sit two saddles.
 * <pre>
 *   f    = 2x² − 1.05x⁴ + x⁶/6 + x·y + y²
 *   ∇f   = (4x − 4.2x³ + x⁵ + y,  x + 2y)
 *   ∇²f  = [[4 − 12.6x² + 5x⁴, 1], [1, 2]]
 * </pre>
 * On the line y = −x/2 the gradient vanishes where x·(x⁴ − 4.2x² + 3.5) = 0, so the critical points
 * are x = 0 and x² = (4.2 ± √3.64)/2: the + root gives the local minima, the − root the saddles.
 */
public record ThreeHumpCamel() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double x2 = x * x;
            f[i] = x2 * (2 - 1.05 * x2 + x2 * x2 / 6) + x * y + y * y;
            g[i] = x * (4 - 4.2 * x2 + x2 * x2) + y;
            g[n + i] = x + 2 * y;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i];
            double x2 = x * x;
            h[i] = 4 - 12.6 * x2 + 5 * x2 * x2;
            h[n + i] = 1;
            h[2 * n + i] = 2;
        }
    }
}
