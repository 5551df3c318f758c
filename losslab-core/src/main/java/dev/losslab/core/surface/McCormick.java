package dev.losslab.core.surface;

/**
 * McCormick's function: a tilted trough along x − y = 1 with a sine ripple along it. Its critical
 * points solve cos(x + y) = −1/2 and x − y = 1; those with sin(x + y) &lt; 0 are minima, so inside
 * the usual box [−1.5, 4] × [−3, 4] the global minimum is at x + y = −2π/3, that is
 * (1/2 − π/3, −1/2 − π/3), value −√3/2 − π/3, and a local one at x + y = 4π/3, that is
 * (1/2 + 2π/3, −1/2 + 2π/3), value −√3/2 + 2π/3. Outside the box f keeps falling: on the trough
 * line x − y = 1 it equals sin s + s/2 with s = x + y, which is unbounded below as s → −∞.
 * <pre>
 *   f    = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1
 *   ∇f   = (cos(x + y) + 2(x − y) − 1.5,  cos(x + y) − 2(x − y) + 2.5)
 *   ∇²f  = [[2 − sin(x + y),  −2 − sin(x + y)],
 *           [−2 − sin(x + y),  2 − sin(x + y)]]
 * </pre>
 */
public record McCormick() implements PointwiseSurface {

    @Override
    public double value(double x, double y) {
        double d = x - y;
        return Math.sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1;
    }

    @Override
    public double valueAndGradient(double x, double y, double[] gradient) {
        double s = x + y;
        double d = x - y;
        double c = Math.cos(s);
        gradient[0] = c + 2 * d - 1.5;
        gradient[1] = c - 2 * d + 2.5;
        return Math.sin(s) + d * d - 1.5 * x + 2.5 * y + 1;
    }

    @Override
    public Sym2 hessian(double x, double y) {
        double sin = Math.sin(x + y);
        return new Sym2(2 - sin, -2 - sin, 2 - sin);
    }
}
