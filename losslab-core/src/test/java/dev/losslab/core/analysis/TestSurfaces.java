package dev.losslab.core.analysis;

import dev.losslab.core.surface.PointwiseSurface;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;

/**
 * Surfaces the analysis tests need besides the catalog's (shifted, turned, flat-bottomed, broken
 * ones): f, ∇f and ∇²f in closed form side by side, checked against finite differences in
 * {@link TestSurfacesTest}.
 */
final class TestSurfaces {

    private TestSurfaces() {}

    /**
     * The monkey saddle centred at (cx, cy), three valleys and three ridges meeting at a point where
     * ∇²f = 0; with u = x − cx, v = y − cy:
     * <pre>
     *   f   = u³ − 3uv²
     *   ∇f  = (3u² − 3v², −6uv)
     *   ∇²f = [[6u, −6v], [−6v, −6u]]
     * </pre>
     */
    static Surface monkeySaddle(double cx, double cy) {
        return new PointwiseSurface() {
            public double value(double x, double y) {
                double u = x - cx, v = y - cy;
                return u * u * u - 3 * u * v * v;
            }

            public double valueAndGradient(double x, double y, double[] g) {
                double u = x - cx, v = y - cy;
                g[0] = 3 * u * u - 3 * v * v;
                g[1] = -6 * u * v;
                return value(x, y);
            }

            public Sym2 hessian(double x, double y) {
                double u = x - cx, v = y - cy;
                return new Sym2(6 * u, -6 * v, -6 * u);
            }
        };
    }

    /**
     * A double well: minima at (±1, 0), a saddle at the origin, and H singular on the lines
     * x = ±1/√3, where plain Newton cannot step.
     * <pre>
     *   f   = x⁴/4 − x²/2 + y²/2
     *   ∇f  = (x³ − x, y)
     *   ∇²f = [[3x² − 1, 0], [0, 1]]
     * </pre>
     */
    static final Surface DOUBLE_WELL = new PointwiseSurface() {
        public double value(double x, double y) {
            return 0.25 * x * x * x * x - 0.5 * x * x + 0.5 * y * y;
        }

        public double valueAndGradient(double x, double y, double[] g) {
            g[0] = x * x * x - x;
            g[1] = y;
            return value(x, y);
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(3 * x * x - 1, 0, 1);
        }
    };

    /**
     * xⁿ + y² for even n ≥ 4: a minimum at the origin that second derivatives cannot see
     * (∇²f = diag(0, 2) there), where Newton converges linearly with ratio (n − 2)/(n − 1).
     * <pre>
     *   f   = xⁿ + y²
     *   ∇f  = (n·xⁿ⁻¹, 2y)
     *   ∇²f = [[n(n − 1)·xⁿ⁻², 0], [0, 2]]
     * </pre>
     */
    static Surface flatBottom(int n) {
        return new PointwiseSurface() {
            public double value(double x, double y) {
                return Math.pow(x, n) + y * y;
            }

            public double valueAndGradient(double x, double y, double[] g) {
                g[0] = n * Math.pow(x, n - 1);
                g[1] = 2 * y;
                return value(x, y);
            }

            public Sym2 hessian(double x, double y) {
                return new Sym2(n * (n - 1) * Math.pow(x, n - 2), 0, 2);
            }
        };
    }

    /**
     * {@code base} with its axes turned by θ: f(x, y) = base(u, v) with u = c·x + s·y,
     * v = −s·x + c·y (c = cos θ, s = sin θ), so a point (u, v) of base sits at
     * (c·u − s·v, s·u + c·v). By the chain rule, with J = [[c, s], [−s, c]]:
     * <pre>
     *   ∇f  = Jᵀ·∇base = (c·b_u − s·b_v, s·b_u + c·b_v)
     *   ∇²f = Jᵀ·∇²base·J
     * </pre>
     */
    static Surface turned(Surface base, double theta) {
        double c = Math.cos(theta), s = Math.sin(theta);
        return new PointwiseSurface() {
            public double value(double x, double y) {
                return base.value(c * x + s * y, -s * x + c * y);
            }

            public double valueAndGradient(double x, double y, double[] g) {
                double f = base.valueAndGradient(c * x + s * y, -s * x + c * y, g);
                double gu = g[0], gv = g[1];
                g[0] = c * gu - s * gv;
                g[1] = s * gu + c * gv;
                return f;
            }

            public Sym2 hessian(double x, double y) {
                Sym2 h = base.hessian(c * x + s * y, -s * x + c * y);
                return new Sym2(
                        c * c * h.xx() - 2 * c * s * h.xy() + s * s * h.yy(),
                        c * s * h.xx() + (c * c - s * s) * h.xy() - c * s * h.yy(),
                        s * s * h.xx() + 2 * c * s * h.xy() + c * c * h.yy());
            }
        };
    }

    /**
     * x + y²: a tilted trough with no critical point anywhere.
     * <pre>
     *   f = x + y²,  ∇f = (1, 2y),  ∇²f = [[0, 0], [0, 2]]
     * </pre>
     */
    static final Surface TILTED_TROUGH = new PointwiseSurface() {
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
    static final Surface LOG_TROUGH = new PointwiseSurface() {
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
    record RotatedQuadratic(double a, double b, double theta, double cx, double cy) implements PointwiseSurface {

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
