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
public record Easom() implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        double u = x - Math.PI;
        double v = y - Math.PI;
        return -Math.cos(x) * Math.cos(y) * Math.exp(-(u * u + v * v));
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double u = x - Math.PI;
        double v = y - Math.PI;
        double cx = Math.cos(x);
        double cy = Math.cos(y);
        double e = Math.exp(-(u * u + v * v));
        gradient[0] = cy * e * (Math.sin(x) + 2 * u * cx);
        gradient[1] = cx * e * (Math.sin(y) + 2 * v * cy);
        return -cx * cy * e;
    }

    @Override
    public Sym2 hessian(double x, double y) {
        double u = x - Math.PI;
        double v = y - Math.PI;
        double cx = Math.cos(x), sx = Math.sin(x);
        double cy = Math.cos(y), sy = Math.sin(y);
        double e = Math.exp(-(u * u + v * v));
        return new Sym2(
                cy * e * (3 * cx - 4 * u * sx - 4 * u * u * cx),
                -e * (sx + 2 * u * cx) * (sy + 2 * v * cy),
                cx * e * (3 * cy - 4 * v * sy - 4 * v * v * cy));
    }
}
