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
public record Bumpy(double k, double a, double omega) implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        return 0.5 * k * (x * x + y * y) + a * (2 - Math.cos(omega * x) - Math.cos(omega * y));
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double aw = a * omega;
        gradient[0] = k * x + aw * Math.sin(omega * x);
        gradient[1] = k * y + aw * Math.sin(omega * y);
        return 0.5 * k * (x * x + y * y) + a * (2 - Math.cos(omega * x) - Math.cos(omega * y));
    }

    @Override
    public Sym2 hessian(double x, double y) {
        double aww = a * omega * omega;
        return new Sym2(k + aww * Math.cos(omega * x), 0, k + aww * Math.cos(omega * y));
    }
}
