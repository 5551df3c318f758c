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
public record McCormick() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double s = x + y;
            double d = x - y;
            double c = Math.cos(s);
            f[i] = Math.sin(s) + d * d - 1.5 * x + 2.5 * y + 1;
            g[i] = c + 2 * d - 1.5;
            g[n + i] = c - 2 * d + 2.5;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double sin = Math.sin(x + y);
            h[i] = 2 - sin;
            h[n + i] = -2 - sin;
            h[2 * n + i] = 2 - sin;
        }
    }
}
