package dev.losslab.core.surface;

/**
 * Lévi's function N.13: sine-squared ripples whose depth grows with the distance from (1, 1),
 * where the single global minimum 0 sits among many local ones.
 * <pre>
 *   f    = sin² 3πx + (x − 1)²·(1 + sin² 3πy) + (y − 1)²·(1 + sin² 2πy)
 *   ∇f   = (3π·sin 6πx + 2(x − 1)·(1 + sin² 3πy),
 *           3π·(x − 1)²·sin 6πy + 2(y − 1)·(1 + sin² 2πy) + 2π·(y − 1)²·sin 4πy)
 *   ∇²f  = [[18π²·cos 6πx + 2·(1 + sin² 3πy),  6π·(x − 1)·sin 6πy],
 *           [6π·(x − 1)·sin 6πy,
 *            18π²·(x − 1)²·cos 6πy + 2·(1 + sin² 2πy) + 8π·(y − 1)·sin 4πy + 8π²·(y − 1)²·cos 4πy]]
 * </pre>
 * (using 2·sin θ·cos θ = sin 2θ).
 */
public record Levi() implements Surface {

    private static final double PI = Math.PI;

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double s1 = Math.sin(3 * PI * x);
            double c1 = Math.cos(3 * PI * x);
            double s2 = Math.sin(3 * PI * y);
            double c2 = Math.cos(3 * PI * y);
            double s3 = Math.sin(2 * PI * y);
            double c3 = Math.cos(2 * PI * y);
            double dx = x - 1;
            double dy = y - 1;
            double w2 = 1 + s2 * s2;
            double w3 = 1 + s3 * s3;
            f[i] = s1 * s1 + dx * dx * w2 + dy * dy * w3;
            g[i] = 6 * PI * s1 * c1 + 2 * dx * w2;
            g[n + i] = 6 * PI * dx * dx * s2 * c2 + 2 * dy * w3 + 4 * PI * dy * dy * s3 * c3;
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double s3 = Math.sin(2 * PI * y);
            double s2 = Math.sin(3 * PI * y);
            double dx = x - 1;
            double dy = y - 1;
            double sin6y = Math.sin(6 * PI * y);
            double sin4y = Math.sin(4 * PI * y);
            h[i] = 18 * PI * PI * Math.cos(6 * PI * x) + 2 * (1 + s2 * s2);
            h[n + i] = 6 * PI * dx * sin6y;
            h[2 * n + i] = 18 * PI * PI * dx * dx * Math.cos(6 * PI * y) + 2 * (1 + s3 * s3)
                    + 8 * PI * dy * sin4y + 8 * PI * PI * dy * dy * Math.cos(4 * PI * y);
        }
    }
}
