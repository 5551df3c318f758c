package dev.losslab.core.surface;

/**
 * Matyas' function: a quadratic valley along the diagonal y = x, minimum at the origin. Its
 * constant Hessian has curvature 1 across the valley and 0.04 along it (condition number 25).
 * <pre>
 *   f    = 0.26·(x² + y²) − 0.48·x·y
 *   ∇f   = (0.52x − 0.48y,  0.52y − 0.48x)
 *   ∇²f  = [[0.52, −0.48], [−0.48, 0.52]]
 * </pre>
 */
public record Matyas() implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        gradient[0] = 0.52 * x - 0.48 * y;
        gradient[1] = 0.52 * y - 0.48 * x;
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }

    @Override
    public Sym2 hessian(double x, double y) {
        return new Sym2(0.52, -0.48, 0.52);
    }
}
