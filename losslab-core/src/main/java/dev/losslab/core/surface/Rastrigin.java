package dev.losslab.core.surface;

/**
 * Rastrigin's function in two dimensions: a parabola x² + y² with a cosine egg-crate of amplitude A
 * laid over it, giving a local minimum near every integer point and the global one at the origin.
 * <pre>
 *   f    = 2A + x² − A·cos 2πx + y² − A·cos 2πy
 *   ∇f   = (2x + 2πA·sin 2πx,  2y + 2πA·sin 2πy)
 *   ∇²f  = [[2 + 4π²A·cos 2πx,  0                ],
 *           [0,                 2 + 4π²A·cos 2πy]]
 * </pre>
 * With A = 10 the curvature at the origin is 2 + 40π² ≈ 396.8, so gradient descent there needs
 * lr &lt; 2/396.8 ≈ 0.005.
 */
public record Rastrigin(double amplitude) implements Surface {

    private static final double TWO_PI = 2 * Math.PI;

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double a = amplitude;
            double twoPiA = TWO_PI * a;
            f[i] = 2 * a + x * x - a * Math.cos(TWO_PI * x) + y * y - a * Math.cos(TWO_PI * y);
            g[i] = 2 * x + twoPiA * Math.sin(TWO_PI * x);
            g[n + i] = 2 * y + twoPiA * Math.sin(TWO_PI * y);
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double c = TWO_PI * TWO_PI * amplitude;
            h[i] = 2 + c * Math.cos(TWO_PI * x);
            h[n + i] = 0;
            h[2 * n + i] = 2 + c * Math.cos(TWO_PI * y);
        }
    }
}
