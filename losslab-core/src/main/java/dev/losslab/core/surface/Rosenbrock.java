package dev.losslab.core.surface;

/**
 * Rosenbrock's banana valley: a curved parabolic ravine whose floor y = x² falls gently towards
 * the single minimum (a, a²), while its walls rise with steepness b.
 * <pre>
 *   f    = (a − x)² + b·(y − x²)²
 *   ∇f   = (−2·(a − x) − 4b·x·(y − x²),  2b·(y − x²))
 *   ∇²f  = [[2 − 4b·(y − x²) + 8b·x²,  −4b·x],
 *           [−4b·x,                     2b   ]]
 * </pre>
 * With a = 1, b = 100 it is the textbook function; with b = 20 it is the seed lab's gentler ravine.
 * At the minimum the Hessian is [[2 + 8b·a², −4b·a], [−4b·a, 2b]]: for a = 1, b = 100 its
 * curvatures are about 1001.6 and 0.4, a condition number near 2500.
 */
public record Rosenbrock(double a, double b) implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double ax = a - x;
            double w = y - x * x;
            double bw = b * w;
            f[i] = ax * ax + bw * w;
            g[i] = -2 * ax - 4 * bw * x;
            g[n + i] = 2 * bw;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double w = y - x * x;
            h[i] = 2 - 4 * b * w + 8 * b * x * x;
            h[n + i] = -4 * b * x;
            h[2 * n + i] = 2 * b;
        }
    }
}
