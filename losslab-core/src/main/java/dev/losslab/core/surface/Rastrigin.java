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
public record Rastrigin(double amplitude) implements PointwiseSurface {

    private static final double TWO_PI = 2 * Math.PI;

    @Override
    public double value(double x, double y) {
        double a = amplitude;
        return 2 * a + x * x - a * Math.cos(TWO_PI * x) + y * y - a * Math.cos(TWO_PI * y);
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double a = amplitude;
        double twoPiA = TWO_PI * a;
        gradient[0] = 2 * x + twoPiA * Math.sin(TWO_PI * x);
        gradient[1] = 2 * y + twoPiA * Math.sin(TWO_PI * y);
        return 2 * a + x * x - a * Math.cos(TWO_PI * x) + y * y - a * Math.cos(TWO_PI * y);
    }

    @Override
    public Sym2 hessian(double x, double y) {
        double c = TWO_PI * TWO_PI * amplitude;
        return new Sym2(2 + c * Math.cos(TWO_PI * x), 0, 2 + c * Math.cos(TWO_PI * y));
    }
}
