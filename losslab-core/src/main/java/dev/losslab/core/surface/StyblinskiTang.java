package dev.losslab.core.surface;

/**
 * The Styblinski–Tang function in two dimensions: a separable double well per axis, tilted by the
 * 5·t term so the left well (t ≈ −2.9035) is deeper than the right one (t ≈ 2.7468). Its four
 * minima are the four pairings of those two wells; the global one has both coordinates left.
 * <pre>
 *   f    = (x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)/2
 *   ∇f   = (2x³ − 16x + 2.5,  2y³ − 16y + 2.5)
 *   ∇²f  = [[6x² − 16, 0], [0, 6y² − 16]]
 * </pre>
 */
public record StyblinskiTang() implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        double x2 = x * x;
        double y2 = y * y;
        return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double x2 = x * x;
        double y2 = y * y;
        gradient[0] = x * (2 * x2 - 16) + 2.5;
        gradient[1] = y * (2 * y2 - 16) + 2.5;
        return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + y2 * y2 - 16 * y2 + 5 * y);
    }

    @Override
    public Sym2 hessian(double x, double y) {
        return new Sym2(6 * x * x - 16, 0, 6 * y * y - 16);
    }
}
