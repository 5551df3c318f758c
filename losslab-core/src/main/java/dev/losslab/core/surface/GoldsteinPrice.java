package dev.losslab.core.surface;

/**
 * The Goldstein–Price function: a product of two quartic factors, flat-bottomed near its global
 * minimum 3 at (0, −1) and rising to about 10⁶ at the corners of [−2, 2]², so one learning rate
 * cannot suit both the walls and the floor.
 * <pre>
 *   s = x + y + 1,   A = 19 − 14x + 3x² − 14y + 6xy + 3y²,   P = 1 + s²·A
 *   t = 2x − 3y,     B = 18 − 32x + 12x² + 48y − 36xy + 27y²,  Q = 30 + t²·B
 *   f    = P·Q
 *   ∇f   = (P_x·Q + P·Q_x,  P_y·Q + P·Q_y)
 *   ∇²f  = [[P_xx·Q + 2P_x·Q_x + P·Q_xx,           P_xy·Q + P_x·Q_y + P_y·Q_x + P·Q_xy],
 *           [P_xy·Q + P_x·Q_y + P_y·Q_x + P·Q_xy,  P_yy·Q + 2P_y·Q_y + P·Q_yy          ]]
 * with
 *   A_x = A_y = 6x + 6y − 14,   A_xx = A_xy = A_yy = 6,   s_x = s_y = 1,  so
 *   P_x = P_y = 2s·A + s²·A_x,   P_xx = P_xy = P_yy = 2A + 4s·A_x + 6s²
 *   B_x = 24x − 36y − 32,   B_y = 54y − 36x + 48,   B_xx = 24,  B_xy = −36,  B_yy = 54
 *   Q_x = 4t·B + t²·B_x,   Q_y = −6t·B + t²·B_y
 *   Q_xx = 8B + 8t·B_x + 24t²,   Q_xy = −12B + 4t·B_y − 6t·B_x − 36t²,   Q_yy = 18B − 12t·B_y + 54t²
 * </pre>
 */
public record GoldsteinPrice() implements Surface {

    @Override
    public void valueAndGradient(double[] points, int n, double[] f, double[] g) {
        for (int i = 0; i < n; i++) {
            double x = points[i], y = points[n + i];
            double s = x + y + 1;
            double t = 2 * x - 3 * y;
            double a = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
            double b = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
            double ss = s * s;
            double tt = t * t;
            double p = 1 + ss * a;
            double q = 30 + tt * b;
            // A_x = A_y, so P_x = P_y.
            double pd = 2 * s * a + ss * (6 * x + 6 * y - 14);
            double qx = 4 * t * b + tt * (24 * x - 36 * y - 32);
            double qy = -6 * t * b + tt * (54 * y - 36 * x + 48);
            f[i] = p * q;
            g[i] = pd * q + p * qx;
            g[n + i] = pd * q + p * qy;
        }
    }

    @Override
    public void hessian(double[] points, int n, double[] h) {
        for (int i = 0; i < n; i++) {
            double x = points[i], y = points[n + i];
            double s = x + y + 1;
            double t = 2 * x - 3 * y;
            double a = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
            double b = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
            double ss = s * s;
            double tt = t * t;
            double p = 1 + ss * a;
            double q = 30 + tt * b;
            double ad = 6 * x + 6 * y - 14;
            double bx = 24 * x - 36 * y - 32;
            double by = 54 * y - 36 * x + 48;
            double pd = 2 * s * a + ss * ad;
            double pdd = 2 * a + 4 * s * ad + 6 * ss;
            double qx = 4 * t * b + tt * bx;
            double qy = -6 * t * b + tt * by;
            double qxx = 8 * b + 8 * t * bx + 24 * tt;
            double qxy = -12 * b + 4 * t * by - 6 * t * bx - 36 * tt;
            double qyy = 18 * b - 12 * t * by + 54 * tt;
            h[i] = pdd * q + 2 * pd * qx + p * qxx;
            h[n + i] = pdd * q + pd * (qx + qy) + p * qxy;
            h[2 * n + i] = pdd * q + 2 * pd * qy + p * qyy;
        }
    }
}
