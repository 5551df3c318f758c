/*
 * The C reference for the array engine's speed goal: a basin map that runs every start all of its
 * steps (LossLab's `basins … --tol 0`), as plain C with OpenMP over rows and SIMD over a row.
 *
 *   gcc -O3 -march=native -fno-math-errno -fopenmp -o engine_omp engine_omp.c -lm
 *   (-fno-math-errno lets sqrt vectorise; it changes no result)
 *   ./engine_omp SURFACE OPTIMIZER [G] [steps] [lr]
 *     SURFACE   himmelblau (window [-5,5]²) | rosenbrock (a = 1, b = 100, window [-2,2]×[-1,3])
 *     OPTIMIZER gd | momentum (μ 0.9) | rmsprop (α 0.99, ε 1e-8) | adam (β 0.9, 0.999, ε 1e-8)
 *   prints the share of starts per known minimum, diverged and unconverged, and the compute time
 *   on stderr.
 *
 * The same work as LossLab: each start (x, y) of a G×G grid that includes both window edges steps
 * with PyTorch's update order (torch.optim's _single_tensor_* functions) until it diverges (x, y or
 * f not finite, |x| or |y| > 1e6, |f| > 1e12, ∇f not finite) or has taken `steps` updates; with
 * tol 0 nothing converges early. A start that diverged is frozen by a mask (the SIMD form of
 * stopping it) and its updates are not counted. Labels: the known minimum within 1 % of the
 * window's span of the end point.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum surface { HIMMELBLAU, ROSENBROCK };
enum optimizer { GD, MOMENTUM, RMSPROP, ADAM };

/* f and ∇f, written as LossLab's surfaces write them. */
static inline __attribute__((always_inline)) double eval(enum surface s, double x, double y, double *gx, double *gy) {
    if (s == HIMMELBLAU) {
        double u = x * x + y - 11, v = x + y * y - 7;
        *gx = 4 * x * u + 2 * v;
        *gy = 2 * u + 4 * y * v;
        return u * u + v * v;
    }
    double ax = 1 - x, w = y - x * x, bw = 100 * w;
    *gx = -2 * ax - 4 * bw * x;
    *gy = 2 * bw;
    return ax * ax + bw * w;
}

/* Branch-free (& rather than &&) so that the row loop stays one straight SIMD loop. */
static inline int fine(double x, double y, double f, double gx, double gy) {
    return (fabs(x) <= 1e6) & (fabs(y) <= 1e6) & (fabs(f) <= 1e12) & (gx - gx == 0) & (gy - gy == 0);
}

/* One grid row in lock-step. The surface and optimizer are compile-time constants after inlining. */
static inline __attribute__((always_inline)) void row(enum surface s, enum optimizer o, int g, double y0, const double *xs, int steps,
                       double lr, double *ex, double *ey, int *alive_out) {
    double x[g], y[g], gx[g], gy[g], b1[g], b2[g], c1[g], c2[g], alive[g];
    for (int i = 0; i < g; i++) {
        x[i] = xs[i];
        y[i] = y0;
        double f = eval(s, x[i], y[i], &gx[i], &gy[i]);
        alive[i] = fine(x[i], y[i], f, gx[i], gy[i]);
        b1[i] = b2[i] = c1[i] = c2[i] = 0;
    }
    const double mu = 0.9, alpha = 0.99, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    for (int k = 0; k < steps; k++) {
        long t = k + 1;
        double step_size = lr / (1 - pow(beta1, t));
        double bc2_sqrt = sqrt(1 - pow(beta2, t));
#pragma omp simd
        for (int i = 0; i < g; i++) {
            double px = gx[i], py = gy[i], nx = x[i], ny = y[i];
            double nb1 = b1[i], nb2 = b2[i], nc1 = c1[i], nc2 = c2[i];
            if (o == GD) {
                nx -= lr * px;
                ny -= lr * py;
            } else if (o == MOMENTUM) {
                nb1 = k == 0 ? px : mu * nb1 + px;
                nb2 = k == 0 ? py : mu * nb2 + py;
                nx -= lr * nb1;
                ny -= lr * nb2;
            } else if (o == RMSPROP) {
                nb1 = nb1 * alpha + (1 - alpha) * px * px;
                nb2 = nb2 * alpha + (1 - alpha) * py * py;
                nx += -lr * (px / (sqrt(nb1) + eps));
                ny += -lr * (py / (sqrt(nb2) + eps));
            } else {
                nb1 = nb1 * beta1 + (1 - beta1) * px;
                nb2 = nb2 * beta1 + (1 - beta1) * py;
                nc1 = nc1 * beta2 + (1 - beta2) * px * px;
                nc2 = nc2 * beta2 + (1 - beta2) * py * py;
                nx += -step_size * (nb1 / (sqrt(nc1) / bc2_sqrt + eps));
                ny += -step_size * (nb2 / (sqrt(nc2) / bc2_sqrt + eps));
            }
            double ngx, ngy;
            double f = eval(s, nx, ny, &ngx, &ngy);
            int keep = alive[i] != 0;
            x[i] = keep ? nx : x[i];
            y[i] = keep ? ny : y[i];
            gx[i] = keep ? ngx : gx[i];
            gy[i] = keep ? ngy : gy[i];
            b1[i] = keep ? nb1 : b1[i];
            b2[i] = keep ? nb2 : b2[i];
            c1[i] = keep ? nc1 : c1[i];
            c2[i] = keep ? nc2 : c2[i];
            alive[i] = keep & fine(nx, ny, f, ngx, ngy) ? 1.0 : 0.0;
        }
    }
    for (int i = 0; i < g; i++) {
        ex[i] = x[i];
        ey[i] = y[i];
        alive_out[i] = alive[i] != 0;
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s himmelblau|rosenbrock gd|momentum|rmsprop|adam [G] [steps] [lr]\n", argv[0]);
        return 2;
    }
    enum surface s = strcmp(argv[1], "rosenbrock") == 0 ? ROSENBROCK : HIMMELBLAU;
    enum optimizer o = strcmp(argv[2], "adam") == 0 ? ADAM : strcmp(argv[2], "momentum") == 0 ? MOMENTUM
                     : strcmp(argv[2], "rmsprop") == 0 ? RMSPROP : GD;
    int g = argc > 3 ? atoi(argv[3]) : 512;
    int steps = argc > 4 ? atoi(argv[4]) : 1000;
    double lr = argc > 5 ? atof(argv[5]) : 0.01;
    double x0 = -5, x1 = 5, y0 = -5, y1 = 5;
    static const double HX[4] = {3.0, -2.805118086952745, -3.779310253377747, 3.5844283403304917};
    static const double HY[4] = {2.0, 3.131312518250573, -3.283185991286169, -1.8481265269644034};
    static const double RX[1] = {1}, RY[1] = {1};
    const double *mx = HX, *my = HY;
    int minima = 4;
    if (s == ROSENBROCK) {
        x0 = -2, x1 = 2, y0 = -1, y1 = 3;
        mx = RX, my = RY, minima = 1;
    }
    double reach = 1e-2 * fmax(x1 - x0, y1 - y0);
    double *xs = malloc(sizeof(double) * g);
    double dx = (x1 - x0) / (g - 1), dy = (y1 - y0) / (g - 1);
    for (int i = 0; i < g; i++) xs[i] = i == g - 1 ? x1 : i * dx + x0;
    signed char *label = malloc((size_t) g * g);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
#pragma omp parallel for schedule(dynamic, 4)
    for (int j = 0; j < g; j++) {
        double ex[g], ey[g];
        int alive[g];
        double y = j == g - 1 ? y1 : j * dy + y0;
        /* One instantiation per (surface, optimizer): constants the compiler folds into the loop. */
#define ROW(S, O) row(S, O, g, y, xs, steps, lr, ex, ey, alive)
        if (s == HIMMELBLAU) {
            if (o == GD) ROW(HIMMELBLAU, GD); else if (o == MOMENTUM) ROW(HIMMELBLAU, MOMENTUM);
            else if (o == RMSPROP) ROW(HIMMELBLAU, RMSPROP); else ROW(HIMMELBLAU, ADAM);
        } else {
            if (o == GD) ROW(ROSENBROCK, GD); else if (o == MOMENTUM) ROW(ROSENBROCK, MOMENTUM);
            else if (o == RMSPROP) ROW(ROSENBROCK, RMSPROP); else ROW(ROSENBROCK, ADAM);
        }
        for (int i = 0; i < g; i++) {
            int l = -1;  /* diverged */
            if (alive[i]) {
                l = -2;  /* unconverged */
                for (int m = 0; m < minima; m++) {
                    if (hypot(ex[i] - mx[m], ey[i] - my[m]) <= reach) { l = m; break; }
                }
            }
            label[(size_t) j * g + i] = (signed char) l;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long counts[3 + 4] = {0};
    for (size_t c = 0; c < (size_t) g * g; c++) counts[label[c] + 2]++;
    double n = (double) g * g;
    for (int m = 0; m < minima; m++) printf("minimum (%g, %g): share %.6f\n", mx[m], my[m], counts[m + 2] / n);
    printf("diverged: %.6f\nunconverged: %.6f\n", counts[1] / n, counts[0] / n);
    fprintf(stderr, "compute %.4f s\n", (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec));
    free(label);
    free(xs);
    return 0;
}
