/*
 * The C reference for `./losslab basins --surface himmelblau --optimizer gd --lr 0.01 --steps 1000
 * --grid 512 --window=-5,5,-5,5`: the same computation as LossLab's basin map, as a plain loop.
 *
 * Per start (x, y) on a G×G grid that includes both window edges (numpy.linspace), gradient
 * descent on Himmelblau's f = u² + v², u = x² + y − 11, v = x + y² − 7, with LossLab's run rules:
 *   converged  when gx² + gy² < tol²            (tol 1e-8, checked before each step)
 *   diverged   when x, y or f is not finite, |x| or |y| > 1e6, |f| > 1e12, or ∇f is not finite
 *   max-steps  after `steps` updates
 * then each start is labelled by the known minimum within 1e-2·span (0.1 here) of where it ended,
 * or diverged / unconverged. Rows are shared over the cores with OpenMP.
 *
 *   gcc -O3 -march=native -fopenmp -o basins_omp basins_omp.c -lm
 *   ./basins_omp [G] [steps] [lr]      # prints shares and the compute time on stderr
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define DIVERGED (-1)
#define UNCONVERGED (-2)

static const double MIN_X[4] = {3.0, -2.805118086952745, -3.779310253377747, 3.5844283403304917};
static const double MIN_Y[4] = {2.0, 3.131312518250573, -3.283185991286169, -1.8481265269644034};

static inline int bad(double x, double y, double f, double gx, double gy) {
    return !isfinite(x) || !isfinite(y) || fabs(x) > 1e6 || fabs(y) > 1e6 || !(fabs(f) <= 1e12)
           || !isfinite(gx) || !isfinite(gy);
}

static int descend(double x, double y, int steps, double lr, double tol2, double reach) {
    double u = x * x + y - 11, v = x + y * y - 7;
    double f = u * u + v * v, gx = 4 * x * u + 2 * v, gy = 2 * u + 4 * y * v;
    if (bad(x, y, f, gx, gy)) return DIVERGED;
    for (int k = 0; k < steps && !(gx * gx + gy * gy < tol2); k++) {
        x -= lr * gx;
        y -= lr * gy;
        u = x * x + y - 11;
        v = x + y * y - 7;
        f = u * u + v * v;
        gx = 4 * x * u + 2 * v;
        gy = 2 * u + 4 * y * v;
        if (bad(x, y, f, gx, gy)) return DIVERGED;
    }
    for (int m = 0; m < 4; m++) {
        if (hypot(x - MIN_X[m], y - MIN_Y[m]) <= reach) return m;
    }
    return UNCONVERGED;
}

int main(int argc, char **argv) {
    int g = argc > 1 ? atoi(argv[1]) : 512;
    int steps = argc > 2 ? atoi(argv[2]) : 1000;
    double lr = argc > 3 ? atof(argv[3]) : 0.01;
    double x0 = -5, x1 = 5, y0 = -5, y1 = 5, tol = 1e-8, reach = 1e-2 * 10;
    signed char *label = malloc((size_t) g * g);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double dx = (x1 - x0) / (g - 1), dy = (y1 - y0) / (g - 1);
#pragma omp parallel for schedule(dynamic, 4)
    for (int j = 0; j < g; j++) {
        double y = j == g - 1 ? y1 : j * dy + y0;
        for (int i = 0; i < g; i++) {
            double x = i == g - 1 ? x1 : i * dx + x0;
            label[(size_t) j * g + i] = (signed char) descend(x, y, steps, lr, tol * tol, reach);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long counts[6] = {0};
    for (size_t c = 0; c < (size_t) g * g; c++) counts[label[c] + 2]++;
    double n = (double) g * g;
    for (int m = 0; m < 4; m++) printf("minimum (%g, %g): share %.6f\n", MIN_X[m], MIN_Y[m], counts[m + 2] / n);
    printf("diverged: %.6f\nunconverged: %.6f\n", counts[1] / n, counts[0] / n);
    fprintf(stderr, "compute %.4f s\n", (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec));
    free(label);
    return 0;
}
