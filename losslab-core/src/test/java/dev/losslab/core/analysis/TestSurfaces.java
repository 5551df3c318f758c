package dev.losslab.core.analysis;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;

/**
 * Surfaces the analysis tests need before (or besides) the catalog has them: f, ∇f and ∇²f in
 * closed form side by side, checked against finite differences in {@link TestSurfacesTest}.
 */
final class TestSurfaces {

    private TestSurfaces() {}

    /**
     * Himmelblau's function, with a = x² + y − 11 and b = x + y² − 7:
     * <pre>
     *   f   = a² + b²
     *   ∇f  = (4x·a + 2b, 2a + 4y·b)
     *   ∇²f = [[12x² + 4y − 42, 4x + 4y], [4x + 4y, 12y² + 4x − 26]]
     * </pre>
     */
    static final Surface HIMMELBLAU = new Surface() {
        public double value(double x, double y) {
            double a = x * x + y - 11, b = x + y * y - 7;
            return a * a + b * b;
        }

        public double valueAndGradient(double x, double y, double[] g) {
            double a = x * x + y - 11, b = x + y * y - 7;
            g[0] = 4 * x * a + 2 * b;
            g[1] = 2 * a + 4 * y * b;
            return a * a + b * b;
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(12 * x * x + 4 * y - 42, 4 * x + 4 * y, 12 * y * y + 4 * x - 26);
        }
    };

    /**
     * Rastrigin's function in two dimensions:
     * <pre>
     *   f   = 20 + x² + y² − 10·(cos 2πx + cos 2πy)
     *   ∇f  = (2x + 20π·sin 2πx, 2y + 20π·sin 2πy)
     *   ∇²f = [[2 + 40π²·cos 2πx, 0], [0, 2 + 40π²·cos 2πy]]
     * </pre>
     */
    static final Surface RASTRIGIN = new Surface() {
        private static final double TAU = 2 * Math.PI;

        public double value(double x, double y) {
            return 20 + x * x + y * y - 10 * (Math.cos(TAU * x) + Math.cos(TAU * y));
        }

        public double valueAndGradient(double x, double y, double[] g) {
            g[0] = 2 * x + 10 * TAU * Math.sin(TAU * x);
            g[1] = 2 * y + 10 * TAU * Math.sin(TAU * y);
            return value(x, y);
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(2 + 10 * TAU * TAU * Math.cos(TAU * x), 0, 2 + 10 * TAU * TAU * Math.cos(TAU * y));
        }
    };

    /**
     * The monkey saddle, three valleys and three ridges meeting at a point where ∇²f = 0:
     * <pre>
     *   f   = x³ − 3xy²
     *   ∇f  = (3x² − 3y², −6xy)
     *   ∇²f = [[6x, −6y], [−6y, −6x]]
     * </pre>
     */
    static final Surface MONKEY_SADDLE = new Surface() {
        public double value(double x, double y) {
            return x * x * x - 3 * x * y * y;
        }

        public double valueAndGradient(double x, double y, double[] g) {
            g[0] = 3 * x * x - 3 * y * y;
            g[1] = -6 * x * y;
            return value(x, y);
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(6 * x, -6 * y, -6 * x);
        }
    };

    /**
     * uⁿ + v² for even n ≥ 4, in axes (u, v) turned by θ: u = c·x + s·y, v = −s·x + c·y with
     * c = cos θ, s = sin θ. A minimum at the origin that second derivatives cannot see
     * (the Hessian has eigenvalues 0 and 2 there), where Newton converges linearly with ratio
     * (n − 2)/(n − 1).
     * <pre>
     *   f   = uⁿ + v²
     *   ∇f  = f_u·(c, s) + f_v·(−s, c),     f_u = n·uⁿ⁻¹,  f_v = 2v
     *   ∇²f = f_uu·(c, s)(c, s)ᵀ + 2·(−s, c)(−s, c)ᵀ,  f_uu = n(n − 1)·uⁿ⁻²
     * </pre>
     */
    static Surface flatBottom(int n, double theta) {
        double c = Math.cos(theta), s = Math.sin(theta);
        return new Surface() {
            public double value(double x, double y) {
                double u = c * x + s * y, v = -s * x + c * y;
                return Math.pow(u, n) + v * v;
            }

            public double valueAndGradient(double x, double y, double[] g) {
                double u = c * x + s * y, v = -s * x + c * y;
                double fu = n * Math.pow(u, n - 1), fv = 2 * v;
                g[0] = fu * c - fv * s;
                g[1] = fu * s + fv * c;
                return value(x, y);
            }

            public Sym2 hessian(double x, double y) {
                double u = c * x + s * y;
                double fuu = n * (n - 1) * Math.pow(u, n - 2);
                return new Sym2(fuu * c * c + 2 * s * s, (fuu - 2) * c * s, fuu * s * s + 2 * c * c);
            }
        };
    }

    /**
     * x + y²: a tilted trough with no critical point anywhere.
     * <pre>
     *   f = x + y²,  ∇f = (1, 2y),  ∇²f = [[0, 0], [0, 2]]
     * </pre>
     */
    static final Surface TILTED_TROUGH = new Surface() {
        public double value(double x, double y) {
            return x + y * y;
        }

        public double valueAndGradient(double x, double y, double[] g) {
            g[0] = 1;
            g[1] = 2 * y;
            return value(x, y);
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(0, 0, 2);
        }
    };

    /** ln(x) + y²: undefined (NaN) for x &lt; 0 and −∞ at x = 0. */
    static final Surface LOG_TROUGH = new Surface() {
        public double value(double x, double y) {
            return Math.log(x) + y * y;
        }

        public double valueAndGradient(double x, double y, double[] g) {
            g[0] = 1 / x;
            g[1] = 2 * y;
            return value(x, y);
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(-1 / (x * x), 0, 2);
        }
    };

    /**
     * A quadratic with curvatures a and b along axes turned by θ, centred at (cx, cy):
     * with R = [[cos θ, −sin θ], [sin θ, cos θ]], A = R·diag(a, b)·Rᵀ and d = p − c,
     * <pre>
     *   f = ½·dᵀA·d,  ∇f = A·d,  ∇²f = A
     * </pre>
     * Its eigenvectors are (cos θ, sin θ) for a and (−sin θ, cos θ) for b.
     */
    record RotatedQuadratic(double a, double b, double theta, double cx, double cy) implements Surface {

        RotatedQuadratic(double a, double b, double theta) {
            this(a, b, theta, 0, 0);
        }

        Sym2 matrix() {
            double c = Math.cos(theta), s = Math.sin(theta);
            return new Sym2(a * c * c + b * s * s, (a - b) * c * s, a * s * s + b * c * c);
        }

        public double value(double x, double y) {
            double dx = x - cx, dy = y - cy;
            Sym2 m = matrix();
            return 0.5 * (m.xx() * dx * dx + 2 * m.xy() * dx * dy + m.yy() * dy * dy);
        }

        public double valueAndGradient(double x, double y, double[] g) {
            double dx = x - cx, dy = y - cy;
            Sym2 m = matrix();
            g[0] = m.xx() * dx + m.xy() * dy;
            g[1] = m.xy() * dx + m.yy() * dy;
            return value(x, y);
        }

        public Sym2 hessian(double x, double y) {
            return matrix();
        }
    }
}
