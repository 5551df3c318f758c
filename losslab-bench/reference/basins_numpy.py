#!/usr/bin/python3
"""The NumPy reference for `./losslab basins --surface himmelblau --optimizer gd --lr 0.01 --steps 1000
--grid 512 --window=-5,5,-5,5`: the same computation as LossLab's basin map, vectorised over all starts.

Every start (x, y) of a G×G numpy.linspace grid runs gradient descent on Himmelblau's
f = u² + v², u = x² + y − 11, v = x + y² − 7, by LossLab's run rules:
  converged  when hypot(gx, gy) < tol (1e-8), checked before each step
  diverged   when x, y or f is not finite, |x| or |y| > 1e6, |f| > 1e12, or the gradient is not finite
  max-steps  after `steps` updates
and is labelled by the known minimum within 1e-2·span (0.1 here) of where it ended, or diverged /
unconverged. Each step updates only the starts still running (their arrays are compacted), so the
work shrinks as they converge, as it does in LossLab.

    /usr/bin/python3 basins_numpy.py [G] [steps] [lr]   # shares on stdout, compute time on stderr
"""
import sys
import time

import numpy as np

MINIMA = np.array([[3.0, 2.0], [-2.805118086952745, 3.131312518250573],
                   [-3.779310253377747, -3.283185991286169], [3.5844283403304917, -1.8481265269644034]])
DIVERGED, UNCONVERGED = -1, -2


def gradient(x, y):
    u = x * x + y - 11
    v = x + y * y - 7
    return u * u + v * v, 4 * x * u + 2 * v, 2 * u + 4 * y * v


def fine(x, y, f, gx, gy):
    with np.errstate(invalid="ignore"):
        return (np.abs(x) <= 1e6) & (np.abs(y) <= 1e6) & (np.abs(f) <= 1e12) & np.isfinite(gx) & np.isfinite(gy)


def basin(x, y, reach):
    d = np.hypot(x[:, None] - MINIMA[None, :, 0], y[:, None] - MINIMA[None, :, 1])
    nearest = np.argmin(d, axis=1)
    return np.where(d[np.arange(len(x)), nearest] <= reach, nearest, UNCONVERGED)


def main():
    g = int(sys.argv[1]) if len(sys.argv) > 1 else 512
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    lr = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
    tol, reach = 1e-8, 1e-2 * 10
    t0 = time.perf_counter()
    xs = np.linspace(-5, 5, g)
    ys = np.linspace(-5, 5, g)
    x = np.tile(xs, g)
    y = np.repeat(ys, g)
    cell = np.arange(g * g)
    labels = np.full(g * g, UNCONVERGED, dtype=np.int8)
    with np.errstate(over="ignore", invalid="ignore"):
        f, gx, gy = gradient(x, y)
        ok = fine(x, y, f, gx, gy)
        labels[cell[~ok]] = DIVERGED
        x, y, gx, gy, cell = x[ok], y[ok], gx[ok], gy[ok], cell[ok]
        for k in range(steps + 1):
            done = np.hypot(gx, gy) < tol
            if k == steps:
                done[:] = True
            if done.any():
                labels[cell[done]] = basin(x[done], y[done], reach)
                going = ~done
                x, y, gx, gy, cell = x[going], y[going], gx[going], gy[going], cell[going]
            if cell.size == 0:
                break
            x = x - lr * gx
            y = y - lr * gy
            f, gx, gy = gradient(x, y)
            ok = fine(x, y, f, gx, gy)
            if not ok.all():
                labels[cell[~ok]] = DIVERGED
                x, y, gx, gy, cell = x[ok], y[ok], gx[ok], gy[ok], cell[ok]
    t1 = time.perf_counter()
    n = g * g
    for m, (mx, my) in enumerate(MINIMA):
        print(f"minimum ({mx:g}, {my:g}): share {np.count_nonzero(labels == m) / n:.6f}")
    print(f"diverged: {np.count_nonzero(labels == DIVERGED) / n:.6f}")
    print(f"unconverged: {np.count_nonzero(labels == UNCONVERGED) / n:.6f}")
    print(f"compute {t1 - t0:.4f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
