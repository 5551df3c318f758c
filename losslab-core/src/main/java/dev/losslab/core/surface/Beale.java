package dev.losslab.core.surface;

/**
 * Beale's function: three residuals r_i = c_i − x + x·yⁱ (c = 1.5, 2.25, 2.625) squared and summed.
 * Flat near the axes and steep towards the corners, with a single global minimum at (3, 0.5).
 * <pre>
 *   f    = Σ r_i²,                         r_i = c_i − x·(1 − yⁱ),  i = 1, 2, 3
 *   ∇f   = (2·Σ r_i·(yⁱ − 1),  2·Σ r_i·i·x·yⁱ⁻¹)
 *   ∇²f  = [[2·Σ (yⁱ − 1)²,                          2·Σ (i·x·yⁱ⁻¹·(yⁱ − 1) + r_i·i·yⁱ⁻¹)      ],
 *           [2·Σ (i·x·yⁱ⁻¹·(yⁱ − 1) + r_i·i·yⁱ⁻¹),   2·Σ ((i·x·yⁱ⁻¹)² + r_i·i·(i − 1)·x·yⁱ⁻²)]]
 * </pre>
 */
public record Beale() implements Surface {

    @Override
    public void valueAndGradient(double[] p, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double y2 = y * y;
            double y3 = y2 * y;
            double r1 = 1.5 - x + x * y;
            double r2 = 2.25 - x + x * y2;
            double r3 = 2.625 - x + x * y3;
            f[i] = r1 * r1 + r2 * r2 + r3 * r3;
            g[i] = 2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1));
            g[n + i] = 2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2);
        }
    }

    @Override
    public void hessian(double[] p, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = p[i], y = p[n + i];
            double y2 = y * y;
            double y3 = y2 * y;
            double r1 = 1.5 - x + x * y;
            double r2 = 2.25 - x + x * y2;
            double r3 = 2.625 - x + x * y3;
            // ∂r_i/∂x = yⁱ − 1 and ∂r_i/∂y = i·x·yⁱ⁻¹
            double d1x = y - 1, d2x = y2 - 1, d3x = y3 - 1;
            double d1y = x, d2y = 2 * x * y, d3y = 3 * x * y2;
            h[i] = 2 * (d1x * d1x + d2x * d2x + d3x * d3x);
            h[n + i] = 2 * (d1x * d1y + d2x * d2y + d3x * d3y + r1 + 2 * r2 * y + 3 * r3 * y2);
            h[2 * n + i] = 2 * (d1y * d1y + d2y * d2y + d3y * d3y + 2 * r2 * x + 6 * r3 * x * y);
        }
    }
}
