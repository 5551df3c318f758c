package dev.losslab.core.surface;

/**
 * A round bowl pitted with ripples: the bowl k·(x² + y²)/2 pulls everything towards the origin,
 * and the egg-crate term a·(2 − cos ωx − cos ωy) digs a dimple every 2π/ω along each axis.
 * <pre>
 *   f    = k·(x² + y²)/2 + a·(2 − cos ωx − cos ωy)
 *   ∇f   = (k·x + a·ω·sin ωx,  k·y + a·ω·sin ωy)
 *   ∇²f  = [[k + a·ω²·cos ωx,  0               ],
 *           [0,                k + a·ω²·cos ωy]]
 * </pre>
 * Both terms are ≥ 0 and vanish only at the origin, so (0, 0) is the unique global minimum, value 0.
 * The function is a sum of one-dimensional g(t) = k·t²/2 + a·(1 − cos ωt), so its minima are the
 * products of g's minima: g has a trap near every t ≈ 2πn/ω where k·|t| &lt; a·ω still allows
 * k·t + a·ω·sin ωt = 0 with positive curvature. Those traps are shallow local minima of f.
 */
public record Bumpy(double k, double a, double omega) implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double aw = a * omega;
            f[i] = 0.5 * k * (x * x + y * y) + a * (2 - Math.cos(omega * x) - Math.cos(omega * y));
            g[i] = k * x + aw * Math.sin(omega * x);
            g[n + i] = k * y + aw * Math.sin(omega * y);
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double aww = a * omega * omega;
            h[i] = k + aww * Math.cos(omega * x);
            h[n + i] = 0;
            h[2 * n + i] = k + aww * Math.cos(omega * y);
        }
    }
}
