package dev.losslab.core.surface;

/**
 * Easom's function: a single narrow hole of depth −1 at (π, π) in a plain that is flat to within
 * machine precision a few units away, so the gradient carries no information far from the hole.
 * <pre>
 *   u = x − π,  v = y − π,   E = exp(−(u² + v²))
 *   f    = −cos x·cos y·E
 *   ∇f   = (cos y·E·(sin x + 2u·cos x),  cos x·E·(sin y + 2v·cos y))
 *   ∇²f  = [[cos y·E·(3cos x − 4u·sin x − 4u²·cos x),  −E·(sin x + 2u·cos x)·(sin y + 2v·cos y)],
 *           [−E·(sin x + 2u·cos x)·(sin y + 2v·cos y),  cos x·E·(3cos y − 4v·sin y − 4v²·cos y)]]
 * </pre>
 * Near the minimum f ≈ −1 + 1.5·(u² + v²): both curvatures there are 3.
 */
public record Easom() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double u = x - Math.PI;
            double v = y - Math.PI;
            double cx = Math.cos(x);
            double cy = Math.cos(y);
            double e = Math.exp(-(u * u + v * v));
            f[i] = -cx * cy * e;
            g[i] = cy * e * (Math.sin(x) + 2 * u * cx);
            g[n + i] = cx * e * (Math.sin(y) + 2 * v * cy);
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double u = x - Math.PI;
            double v = y - Math.PI;
            double cx = Math.cos(x), sx = Math.sin(x);
            double cy = Math.cos(y), sy = Math.sin(y);
            double e = Math.exp(-(u * u + v * v));
            h[i] = cy * e * (3 * cx - 4 * u * sx - 4 * u * u * cx);
            h[n + i] = -e * (sx + 2 * u * cx) * (sy + 2 * v * cy);
            h[2 * n + i] = cx * e * (3 * cy - 4 * v * sy - 4 * v * v * cy);
        }
    }
}
