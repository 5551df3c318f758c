package dev.losslab.core.surface;

/**
 * An axis-aligned quadratic with curvatures a and b: the simplest landscape, and the one whose
 * optimizer behaviour theory predicts exactly.
 * <pre>
 *   f    = a·x²/2 + b·y²/2
 *   ∇f   = (a·x, b·y)
 *   ∇²f  = [[a, 0], [0, b]]
 * </pre>
 * With a = 1, b = 10 it is the seed lab's bowl; with a = 2, b = −2 it is the saddle x² − y².
 */
public record Quadratic(double a, double b) implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        return 0.5 * a * x * x + 0.5 * b * y * y;
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        gradient[0] = a * x;
        gradient[1] = b * y;
        return 0.5 * a * x * x + 0.5 * b * y * y;
    }

    @Override
    public Sym2 hessian(double x, double y) {
        return new Sym2(a, 0, b);
    }
}
