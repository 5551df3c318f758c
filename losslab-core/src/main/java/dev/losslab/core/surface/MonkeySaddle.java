package dev.losslab.core.surface;

/**
 * The monkey saddle: three valleys and three ridges meet at the origin, where the gradient and the
 * whole Hessian vanish. The second-derivative test says nothing there, and no minimum exists:
 * f = r³·cos 3θ is unbounded below.
 * <pre>
 *   f    = x³ − 3x·y²
 *   ∇f   = (3x² − 3y²,  −6x·y)
 *   ∇²f  = [[6x, −6y], [−6y, −6x]]
 * </pre>
 */
public record MonkeySaddle() implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        double x2 = x * x;
        double y2 = y * y;
        return x * (x2 - 3 * y2);
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double x2 = x * x;
        double y2 = y * y;
        gradient[0] = 3 * (x2 - y2);
        gradient[1] = -6 * x * y;
        return x * (x2 - 3 * y2);
    }

    @Override
    public Sym2 hessian(double x, double y) {
        return new Sym2(6 * x, -6 * y, -6 * x);
    }
}
