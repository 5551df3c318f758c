package dev.losslab.core.surface;

/**
 * A symmetric 2×2 matrix [[xx, xy], [xy, yy]]: in LossLab, a Hessian ∇²f.
 *
 * <p>Eigen-decomposition is in closed form. For a symmetric matrix the eigenvalues are
 * λ = m ± r with m = (xx + yy)/2 and r = √(((xx − yy)/2)² + xy²); they are real, and
 * eigenvectors of distinct eigenvalues are orthogonal.
 */
public record Sym2(double xx, double xy, double yy) {

    public static Sym2 of(double xx, double xy, double yy) {
        return new Sym2(xx, xy, yy);
    }

    public double trace() {
        return xx + yy;
    }

    public double determinant() {
        return xx * yy - xy * xy;
    }

    public Vec2 times(Vec2 v) {
        return new Vec2(xx * v.x() + xy * v.y(), xy * v.x() + yy * v.y());
    }

    public boolean isFinite() {
        return Double.isFinite(xx) && Double.isFinite(xy) && Double.isFinite(yy);
    }

    /** Eigenvalues in descending order with unit eigenvectors; see the class comment for the formula. */
    public Eigen eigen() {
        double m = 0.5 * (xx + yy);
        double h = 0.5 * (xx - yy);
        double r = Math.hypot(h, xy);
        // m ± r cancels for the eigenvalue of smaller magnitude when |λ₁| ≫ |λ₂|; take the larger
        // one from the sum and the smaller from λ₁·λ₂ = det, which keeps its relative accuracy.
        double big = m >= 0 ? m + r : m - r;
        double small = big != 0 ? determinant() / big : 0;
        double l1 = Math.max(big, small);
        double l2 = Math.min(big, small);
        // The eigenvector of l1 is (cos φ, sin φ) with tan 2φ = 2·xy / (xx − yy); atan2 keeps it
        // stable when xy is tiny or xx == yy, and gives (1, 0) for a diagonal matrix with xx ≥ yy.
        if (xy == 0) {
            // Diagonal: the axes themselves, exactly (atan2 would give cos(π/2) ≈ 6e-17, not 0).
            return xx >= yy
                    ? new Eigen(l1, l2, new Vec2(1, 0), new Vec2(0, 1))
                    : new Eigen(l1, l2, new Vec2(0, 1), new Vec2(1, 0));
        }
        double phi = 0.5 * Math.atan2(xy, h);
        Vec2 v1 = new Vec2(Math.cos(phi), Math.sin(phi));
        Vec2 v2 = new Vec2(-v1.y(), v1.x());
        return new Eigen(l1, l2, v1, v2);
    }

    /**
     * Solves this · s = b by Cramer's rule. Returns null when the matrix is singular: when
     * |det| ≤ 1e-12 · (largest entry)², where a direct solve would amplify rounding into nonsense.
     */
    public Vec2 solve(Vec2 b) {
        double det = determinant();
        double scale = Math.max(Math.abs(xx), Math.max(Math.abs(xy), Math.abs(yy)));
        if (!(Math.abs(det) > 1e-12 * scale * scale) || !Double.isFinite(det)) {
            return null;
        }
        return new Vec2((yy * b.x() - xy * b.y()) / det, (xx * b.y() - xy * b.x()) / det);
    }

    /** |H|: the same eigenvectors with eigenvalues replaced by their absolute values. */
    public Sym2 absolute() {
        Eigen e = eigen();
        double a1 = Math.abs(e.first()), a2 = Math.abs(e.second());
        Vec2 u = e.firstVector(), w = e.secondVector();
        return new Sym2(
                a1 * u.x() * u.x() + a2 * w.x() * w.x(),
                a1 * u.x() * u.y() + a2 * w.x() * w.y(),
                a1 * u.y() * u.y() + a2 * w.y() * w.y());
    }

    /** Eigenvalues first ≥ second, with their unit eigenvectors. */
    public record Eigen(double first, double second, Vec2 firstVector, Vec2 secondVector) {}
}
