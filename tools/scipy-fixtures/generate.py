#!/usr/bin/env python3
"""Reference trajectories from SciPy's optimizers, for LossLab's classical methods.

Runs scipy.optimize.minimize (Debian's SciPy 1.10.1) with methods 'BFGS', 'CG' and 'Nelder-Mead'
on catalog surfaces in float64, records every iterate through `callback`, and writes one CSV per
run to losslab-core/src/test/resources/fixtures/scipy/. gd-armijo has no SciPy method: its rows
come from the short loop `armijo_descent` below (Nocedal & Wright, Algorithm 3.1, with SciPy's
c1 = 1e-4). The Java test (ScipyFixtureTest) replays every file and compares the points and the
evaluation counts.

Run it from the repository root with Debian's SciPy:

    /usr/bin/python3 tools/scipy-fixtures/generate.py

Each file starts with comment lines: a human summary, then one line "# run: key=value ..." that the
Java test reads (LossLab names: optimizer, surface, start, lr, params; `end`, how SciPy's run ended
in LossLab's stop codes; `nfev`, `njev`, SciPy's totals). Rows are
"step,<coordinates>,loss,f_evals,g_evals": the iterate after `step` iterations (step 0: the start),
f there (computed for the table, not counted), and the evaluations of f and of the gradient SciPy
had made by then, counted in the Python functions SciPy calls. Row 0's counts are the evaluations
at the start (f and gradient for BFGS, CG and gd-armijo; f for Nelder-Mead, whose other initial
vertices are counted in row 1). Nelder-Mead never evaluates the gradient: its g_evals are 0.

Coordinates: 2-D runs have columns x,y. The 4-D runs (surface "rosenbrock*2"), f = g(x0, y0) +
g(x1, y1) for the Rosenbrock function g, have columns theta0..theta3 in LossLab's batch layout
(x0, x1, y0, y1): an N-D problem whose iterates are not those of two 2-D runs (the line search and
the simplex couple the copies).

Surfaces are written with the same operation order as LossLab's catalog classes (Rosenbrock,
Himmelblau, Beale, Quadratic), so both programs see bit-identical f and gradients; what differs is
rounding inside the methods (NumPy's BLAS may fuse a multiply-add in a matrix product).

SciPy 1.10's BFGS and CG take no c1/c2 options; for the fixtures that set them, the
`_line_search_wolfe12` they call is wrapped to pass them on (to both of its line searches), which is
what LossLab's c1 and c2 do.
"""

import math
import os

import numpy as np
import scipy
import scipy.optimize
from scipy.optimize import _optimize

OUT = os.path.join("losslab-core", "src", "test", "resources", "fixtures", "scipy")
assert scipy.__version__ == "1.10.1", scipy.__version__


# ---- surfaces: f and gradient of one 2-D point, in the catalog's operation order ----

def rosenbrock(a, b):
    def fg(x, y):
        ax = a - x
        w = y - x * x
        bw = b * w
        return ax * ax + bw * w, (-2 * ax - 4 * bw * x, 2 * bw)
    return fg


def himmelblau(x, y):
    u = x * x + y - 11
    v = x + y * y - 7
    return u * u + v * v, (4 * x * u + 2 * v, 2 * u + 4 * y * v)


def beale(x, y):
    y2 = y * y
    y3 = y2 * y
    r1 = 1.5 - x + x * y
    r2 = 2.25 - x + x * y2
    r3 = 2.625 - x + x * y3
    return (r1 * r1 + r2 * r2 + r3 * r3,
            (2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y3 - 1)), 2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2)))


def quadratic(a, b):
    def fg(x, y):
        return 0.5 * a * x * x + 0.5 * b * y * y, (a * x, b * y)
    return fg


PLANES = {
    "rosenbrock": rosenbrock(1.0, 100.0),
    "ravine": rosenbrock(1.0, 20.0),
    "himmelblau": himmelblau,
    "beale": beale,
    "bowl": quadratic(1.0, 10.0),
}


def surface(name):
    """(f, grad) over a numpy vector: a 2-D catalog surface, or `plane*k` (k copies, batch layout)."""
    if "*" in name:
        plane, k = name.split("*")
        fg, k = PLANES[plane], int(k)

        def f(p):
            total = 0.0
            for c in range(k):
                total += fg(float(p[c]), float(p[k + c]))[0]
            return total

        def grad(p):
            g = np.empty(2 * k)
            for c in range(k):
                gx, gy = fg(float(p[c]), float(p[k + c]))[1]
                g[c], g[k + c] = gx, gy
            return g
        return f, grad
    fg = PLANES[name]
    return (lambda p: fg(float(p[0]), float(p[1]))[0],
            lambda p: np.array(fg(float(p[0]), float(p[1]))[1]))


class Counted:
    """f and its gradient, counting the calls SciPy makes (its nfev and njev)."""

    def __init__(self, name):
        self.f, self.grad = surface(name)
        self.nf = 0
        self.ng = 0

    def fun(self, p):
        self.nf += 1
        return self.f(p)

    def jac(self, p):
        self.ng += 1
        return self.grad(p)


# ---- coverage of SciPy's branches, reported in each file ----

FALLBACKS = [0]
_wolfe2 = _optimize.line_search_wolfe2


def _counting_wolfe2(*args, **kwargs):
    FALLBACKS[0] += 1
    return _wolfe2(*args, **kwargs)


_optimize.line_search_wolfe2 = _counting_wolfe2

WOLFE_CONSTANTS = {}
_wolfe12 = _optimize._line_search_wolfe12


def _wolfe12_with_constants(*args, **kwargs):
    kwargs.update(WOLFE_CONSTANTS)
    return _wolfe12(*args, **kwargs)


_optimize._line_search_wolfe12 = _wolfe12_with_constants


# ---- runs ----

def scipy_run(method, name, start, options, wolfe):
    fn = Counted(name)
    x0 = np.array(start, dtype=float)
    rows = [(0, x0.copy(), fn.f(x0), 1, 1 if method != "Nelder-Mead" else 0)]

    def callback(xk):
        rows.append((len(rows), np.array(xk, copy=True), fn.f(xk), fn.nf, fn.ng))

    WOLFE_CONSTANTS.clear()
    WOLFE_CONSTANTS.update(wolfe)
    FALLBACKS[0] = 0
    jac = fn.jac if method != "Nelder-Mead" else None
    res = scipy.optimize.minimize(fn.fun, x0, method=method, jac=jac, callback=callback, options=options)
    WOLFE_CONSTANTS.clear()
    assert res.nfev == fn.nf, (res.nfev, fn.nf)
    njev = fn.ng
    if method != "Nelder-Mead":
        assert res.njev == fn.ng, (res.njev, fn.ng)
    if method == "Nelder-Mead":
        # SciPy calls the callback once more when its test stops the loop (in a `finally`), with
        # the same best vertex: that row is no iteration. nit counts it too. Only when the initial
        # simplex already passes the test is that call's vertex new (the best initial vertex, not
        # x0): a row, as LossLab moves there before it stops.
        if res.status == 0 and len(rows) > 1 and np.array_equal(rows[-1][1], rows[-2][1]):
            rows.pop()
            assert res.nit == len(rows), (res.nit, len(rows))
        else:
            assert res.nit == 1 and len(rows) == 2, (res.nit, len(rows))
    else:
        assert res.nit == len(rows) - 1, (res.nit, len(rows))
    end = {0: "converged", 2: "line-search-failed"}[res.status] if method != "Nelder-Mead" else \
        {0: "converged"}[res.status]
    return rows, end, res, njev


def armijo_descent(name, start, lr, c1, shrink, steps):
    """Gradient descent with backtracking: alpha = lr, halved (shrink) until f falls by c1*alpha*slope."""
    fn = Counted(name)
    x = np.array(start, dtype=float)
    fx = fn.fun(x)
    g = fn.jac(x)
    rows = [(0, x.copy(), fx, fn.nf, fn.ng)]
    for k in range(1, steps + 1):
        p = -g
        slope = np.dot(g, p)
        alpha = lr
        while True:
            trial = x + alpha * p
            assert not np.array_equal(trial, x), (name, k)
            ft = fn.fun(trial)
            if ft <= fx + c1 * alpha * slope:
                break
            alpha *= shrink
        x, fx = trial, ft
        g = fn.jac(x)
        rows.append((k, x.copy(), fx, fn.nf, fn.ng))
    return rows, "max-steps", fn.nf, fn.ng


def fmt(v):
    return repr(float(v))


def write(fixture, optimizer, name, start, lr, params, rows, end, nfev, njev, summary):
    os.makedirs(OUT, exist_ok=True)
    dim = len(start)
    coords = "x,y" if dim == 2 else ",".join("theta%d" % d for d in range(dim))
    param_text = ";".join("%s:%s" % (k, fmt(v)) for k, v in params.items()) or "-"
    path = os.path.join(OUT, fixture + ".csv")
    with open(path, "w") as out:
        out.write("# %s\n" % summary)
        out.write("# run: optimizer=%s surface=%s start=%s lr=%s params=%s end=%s nfev=%d njev=%d\n" % (
            optimizer, name, ",".join(fmt(v) for v in start), fmt(lr), param_text, end, nfev, njev))
        out.write("step,%s,loss,f_evals,g_evals\n" % coords)
        for k, x, f, nf, ng in rows:
            out.write("%d,%s,%s,%d,%d\n" % (k, ",".join(fmt(v) for v in x), fmt(f), nf, ng))
    print("%-40s %4d rows  end %-18s nfev %4d njev %4d" % (fixture, len(rows) - 1, end, nfev, njev))


STARTS = {
    "rosenbrock": [(-1.2, 1.0), (2.0, -0.5), (0.3, 2.5)],
    "ravine": [(-1.5, 2.0), (1.5, -0.8)],
    "himmelblau": [(0.0, 0.0), (-4.0, 4.0), (0.5, -1.0)],
    "beale": [(1.0, 1.5), (2.5, 0.0)],
    "bowl": [(-3.5, 2.5), (3.0, -0.1)],
    "rosenbrock*2": [(-1.2, -0.5, 1.0, 0.8)],
}

SCIPY_METHODS = {"bfgs": "BFGS", "cg": "CG", "nelder-mead": "Nelder-Mead"}
BIG = {"maxiter": 100000}


def scipy_fixtures():
    # (optimizer, surfaces, LossLab params, SciPy options, Wolfe constants, fixture suffix)
    cases = []
    for opt in ("bfgs", "cg", "nelder-mead"):
        for name in STARTS:
            cases.append((opt, name, {}, {}, {}, ""))
    # Options: non-default tolerances and line-search constants, and runs that end in SciPy's
    # "precision loss" (gtol 0: the line search eventually finds no decrease). Adaptive Nelder-Mead
    # only in 4-D: in 2-D its coefficients are the standard ones.
    cases += [
        ("bfgs", "himmelblau", {"gtol": 0.0}, {"gtol": 0.0}, {}, "-gtol0"),
        ("bfgs", "himmelblau", {"gtol": 1e-3, "c1": 0.01, "c2": 0.5}, {"gtol": 1e-3}, {"c1": 0.01, "c2": 0.5}, "-c1-c2"),
        ("bfgs", "beale", {"c1": 0.3, "c2": 0.35}, {}, {"c1": 0.3, "c2": 0.35}, "-c1-c2"),
        ("cg", "rosenbrock", {"gtol": 0.0}, {"gtol": 0.0}, {}, "-gtol0"),
        ("cg", "himmelblau", {"c2": 0.1}, {}, {"c2": 0.1}, "-c2"),
        ("cg", "ravine", {"gtol": 1e-8, "c1": 0.2, "c2": 0.3}, {"gtol": 1e-8}, {"c1": 0.2, "c2": 0.3}, "-c1-c2"),
        ("nelder-mead", "rosenbrock*2", {"adaptive": 1}, {"adaptive": True}, {}, "-adaptive"),
        ("nelder-mead", "himmelblau", {"xatol": 1e-8, "fatol": 1e-10}, {"xatol": 1e-8, "fatol": 1e-10}, {}, "-tight"),
        ("nelder-mead", "beale", {"xatol": 0.01, "fatol": 0.1}, {"xatol": 0.01, "fatol": 0.1}, {}, "-loose"),
        # From (-1.2, 1) the initial simplex already passes these, and its best vertex is not x0.
        ("nelder-mead", "rosenbrock", {"xatol": 1.0, "fatol": 100.0}, {"xatol": 1.0, "fatol": 100.0}, {}, "-at-once"),
        # Starts where Moré–Thuente bisects its bracket in searches that succeed.
        ("cg", "beale", {}, {}, {}, "-bisect", [(-0.5, 2.5), (1.0, 2.5), (3.0, -1.5)]),
    ]
    for opt, name, params, options, wolfe, suffix, *starts in cases:
        for s, start in enumerate(starts[0] if starts else STARTS[name]):
            method = SCIPY_METHODS[opt]
            opts = dict(BIG, **options)
            if method == "Nelder-Mead":
                opts["maxfev"] = 1000000
            rows, end, res, njev = scipy_run(method, name, start, opts, wolfe)
            fixture = "%s-%s%s-%d" % (opt, name.replace("*", "x"), suffix, s + 1)
            summary = ("scipy.optimize.minimize(method=%r, options=%r%s), SciPy %s: %s; nit %d, wolfe2 fallbacks %d"
                       % (method, options, ", wolfe constants %r" % wolfe if wolfe else "", scipy.__version__,
                          res.message, res.nit, FALLBACKS[0]))
            write(fixture, opt, name, start, 1.0, params, rows, end, res.nfev, njev, summary)


ARMIJO = [
    # (surface, lr, c1, shrink, steps, suffix)
    ("rosenbrock", 1.0, 1e-4, 0.5, 60, ""),
    ("himmelblau", 0.1, 1e-4, 0.5, 40, ""),
    ("bowl", 1.0, 1e-4, 0.5, 40, ""),
    ("beale", 1.0, 1e-4, 0.5, 60, ""),
    ("ravine", 0.5, 0.3, 0.3, 60, "-c1-shrink"),
    ("rosenbrock*2", 1.0, 1e-4, 0.5, 60, ""),
]


def armijo_fixtures():
    for name, lr, c1, shrink, steps, suffix in ARMIJO:
        for s, start in enumerate(STARTS[name]):
            rows, end, nfev, njev = armijo_descent(name, start, lr, c1, shrink, steps)
            params = {}
            if c1 != 1e-4:
                params["c1"] = c1
            if shrink != 0.5:
                params["shrink"] = shrink
            fixture = "gd-armijo-%s%s-%d" % (name.replace("*", "x"), suffix, s + 1)
            summary = ("gradient descent with Armijo backtracking (Nocedal & Wright Alg. 3.1), lr %r, c1 %r, "
                       "shrink %r, %d steps, NumPy %s" % (lr, c1, shrink, steps, np.__version__))
            write(fixture, "gd-armijo", name, start, lr, params, rows, end, nfev, njev, summary)


if __name__ == "__main__":
    scipy_fixtures()
    armijo_fixtures()
