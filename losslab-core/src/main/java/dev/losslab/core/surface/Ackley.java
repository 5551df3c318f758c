package dev.losslab.core.surface;

/**
 * Ackley's function: a cone −a·exp(−b·q) (q the root-mean-square of x and y) with a cosine
 * egg-crate on top. Far out it is a nearly flat field of local minima; near the origin the cone
 * funnels into the global minimum 0 at (0, 0).
 * <pre>
 *   q    = √((x² + y²)/2),   E₁ = exp(−b·q),   E₂ = exp((cos cx + cos cy)/2)
 *   f    = −a·E₁ − E₂ + a + e
 *   ∇f   = (ab·E₁·x/(2q) + (c/2)·E₂·sin cx,   ab·E₁·y/(2q) + (c/2)·E₂·sin cy)
 *   ∇²f  = [[ab·E₁/2·(1/q − x²/(2q³) − b·x²/(2q²)) + (c²/2)·E₂·(cos cx − sin² cx/2),
 *            −ab·E₁·x·y/4·(b/q² + 1/q³) − (c²/4)·E₂·sin cx·sin cy                  ],
 *           [same as the off-diagonal,
 *            ab·E₁/2·(1/q − y²/(2q³) − b·y²/(2q²)) + (c²/2)·E₂·(cos cy − sin² cy/2)]]
 * </pre>
 * The cone makes f non-differentiable at exactly (0, 0): every direction leaves it with slope
 * ab/√2. There this implementation returns the gradient 0 (the subgradient of least norm, which
 * also makes the origin a fixed point of every optimizer) and the Hessian of the smooth part alone,
 * [[c²·e/2, 0], [0, c²·e/2]] (≈ 53.7·I for c = 2π). Elsewhere the cone's curvature grows like 1/q,
 * so second-order methods see ever sharper curvature as they approach the origin.
 */
public record Ackley(double a, double b, double c) implements Surface {

    /** √(1/2): q = √((x² + y²)/2) = hypot(x, y)·√(1/2), which cannot underflow to 0 off the origin. */
    private static final double SQRT_HALF = Math.sqrt(0.5);

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double q = Math.hypot(x, y) * SQRT_HALF;
            double e1 = Math.exp(-b * q);
            double cx = c * x;
            double cy = c * y;
            double e2 = Math.exp(0.5 * (Math.cos(cx) + Math.cos(cy)));
            // The cone's share of the gradient, ab·E₁/(2q) per unit of x or y; 0 at the origin (see class comment).
            double cone = q > 0 ? 0.5 * a * b * e1 / q : 0;
            double ripple = 0.5 * c * e2;
            f[i] = -a * e1 - e2 + a + Math.E;
            g[i] = cone * x + ripple * Math.sin(cx);
            g[n + i] = cone * y + ripple * Math.sin(cy);
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double cx = c * x;
            double cy = c * y;
            double sx = Math.sin(cx), sy = Math.sin(cy);
            double e2 = Math.exp(0.5 * (Math.cos(cx) + Math.cos(cy)));
            double ripple = 0.5 * c * c * e2;
            double xx = ripple * (Math.cos(cx) - 0.5 * sx * sx);
            double xy = -0.5 * ripple * sx * sy;
            double yy = ripple * (Math.cos(cy) - 0.5 * sy * sy);
            double q = Math.hypot(x, y) * SQRT_HALF;
            if (q > 0) {
                double e1 = Math.exp(-b * q);
                double k = 0.5 * a * b * e1;
                double q2 = q * q;
                double q3 = q2 * q;
                double radial = 0.5 / q3 + 0.5 * b / q2;
                xx += k * (1 / q - x * x * radial);
                xy -= k * x * y * radial;
                yy += k * (1 / q - y * y * radial);
            }
            h[i] = xx;
            h[n + i] = xy;
            h[2 * n + i] = yy;
        }
    }
}
