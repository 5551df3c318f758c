package dev.losslab.core.surface;

/**
 * The monkey saddle: three valleys and three ridges meet at the origin, where the gradient and the
 * whole Hessian vanish. The second-derivative test says nothing there, and no minimum exists:
 * f = r³·cos 3θ is unbounded below.
 * <pre>
 *   f    = x³ − 3x·y²
 *   ∇f   = (3x² − 3y²,  −6x·y)
 *   ∇²f  = [[6x, −6y], [−6y, −6x]]
 * </pre>
 */
public record MonkeySaddle() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double x2 = x * x;
            double y2 = y * y;
            f[i] = x * (x2 - 3 * y2);
            g[i] = 3 * (x2 - y2);
            g[n + i] = -6 * x * y;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            h[i] = 6 * x;
            h[n + i] = -6 * y;
            h[2 * n + i] = -6 * x;
        }
    }
}
