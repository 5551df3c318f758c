package dev.losslab.core.surface;

/**
 * Booth's function: two crossing linear residuals, a tilted quadratic bowl with its minimum at
 * (1, 3). The Hessian is constant with curvatures 18 and 2 along the diagonals (1, 1) and (1, −1).
 * <pre>
 *   p    = x + 2y − 7,   q = 2x + y − 5
 *   f    = p² + q²
 *   ∇f   = (2p + 4q,  4p + 2q)
 *   ∇²f  = [[10, 8], [8, 10]]
 * </pre>
 */
public record Booth() implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        double p = x + 2 * y - 7;
        double q = 2 * x + y - 5;
        return p * p + q * q;
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double p = x + 2 * y - 7;
        double q = 2 * x + y - 5;
        gradient[0] = 2 * p + 4 * q;
        gradient[1] = 4 * p + 2 * q;
        return p * p + q * q;
    }

    @Override
    public Sym2 hessian(double x, double y) {
        return new Sym2(10, 8, 10);
    }
}
