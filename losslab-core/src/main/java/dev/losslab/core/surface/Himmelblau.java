package dev.losslab.core.surface;

/**
 * Himmelblau's function: two squared residuals whose zero sets cross four times, giving four
 * global minima of value 0, one local maximum near (−0.27, −0.92) and four saddles between them.
 * <pre>
 *   u    = x² + y − 11,   v = x + y² − 7
 *   f    = u² + v²
 *   ∇f   = (4x·u + 2v,  2u + 4y·v)
 *   ∇²f  = [[4u + 8x² + 2,  4x + 4y     ],
 *           [4x + 4y,       4v + 8y² + 2]]
 * </pre>
 */
public record Himmelblau() implements Surface {

    @Override
    public double value(double x, double y) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        return u * u + v * v;
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        gradient[0] = 4 * x * u + 2 * v;
        gradient[1] = 2 * u + 4 * y * v;
        return u * u + v * v;
    }

    @Override
    public Sym2 hessian(double x, double y) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        return new Sym2(4 * u + 8 * x * x + 2, 4 * (x + y), 4 * v + 8 * y * y + 2);
    }
}
