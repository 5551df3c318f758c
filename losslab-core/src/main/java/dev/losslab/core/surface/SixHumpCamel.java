package dev.losslab.core.surface;

/**
 * The six-hump camel: six minima in a small box, two of them global and mirror images of each
 * other through the origin, which is a saddle between them.
 * <pre>
 *   f    = (4 − 2.1x² + x⁴/3)·x² + x·y + (−4 + 4y²)·y²
 *   ∇f   = (8x − 8.4x³ + 2x⁵ + y,  x − 8y + 16y³)
 *   ∇²f  = [[8 − 25.2x² + 10x⁴, 1], [1, −8 + 48y²]]
 * </pre>
 * f(−x, −y) = f(x, y), so every critical point has a twin through the origin.
 */
public record SixHumpCamel() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double x2 = x * x;
            double y2 = y * y;
            f[i] = (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
            g[i] = x * (8 - 8.4 * x2 + 2 * x2 * x2) + y;
            g[n + i] = x + y * (-8 + 16 * y2);
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double x2 = x * x;
            h[i] = 8 - 25.2 * x2 + 10 * x2 * x2;
            h[n + i] = 1;
            h[2 * n + i] = -8 + 48 * y * y;
        }
    }
}
