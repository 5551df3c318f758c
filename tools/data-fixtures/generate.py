#!/usr/bin/python3
"""Writes the fixture the data-surface tests compare against: losses, gradients, Hessians and
minima of surfaces made of data, computed by NumPy and SciPy straight from the shipped CSV files.

Run from the repository root with Debian's Python (python3-numpy, python3-scipy):
    /usr/bin/python3 tools/data-fixtures/generate.py
It reads losslab-core/src/main/resources/dev/losslab/core/data/*.csv and writes
losslab-core/src/test/resources/dev/losslab/core/data/surfaces.json. Nothing here shares code with
LossLab: the sums are NumPy's, the minima come from lstsq and from SciPy's optimizer, separability
from a linear program.
"""
import json
import os

import numpy as np
from scipy.optimize import linprog, minimize

DATA = "losslab-core/src/main/resources/dev/losslab/core/data"
OUT = "losslab-core/src/test/resources/dev/losslab/core/data/surfaces.json"
POINTS = [[0.0, 0.0], [1.0, 2.0], [-0.5, 0.25]]


def table(name):
    with open(os.path.join(DATA, name + ".csv")) as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    features = np.array([[float(v) for v in r[:-1]] for r in rows])
    labels = [r[-1] for r in rows]
    return header, features, labels


def standardize(x):
    return (x - x.mean()) / x.std()


def regression(spec, data, feature, standardized):
    header, features, labels = table(data)
    x = features[:, header.index(feature)]
    if standardized:
        x = standardize(x)
    y = np.array([float(v) for v in labels])
    X = np.c_[x, np.ones_like(x)]

    def loss(w):
        return float(np.mean((X @ w - y) ** 2))

    def grad(w):
        return (2 / len(y) * X.T @ (X @ w - y)).tolist()

    best, *_ = np.linalg.lstsq(X, y, rcond=None)
    hessian = 2 / len(y) * X.T @ X
    return {"spec": spec, "rows": len(y),
            "points": [{"at": p, "value": loss(np.array(p)), "gradient": grad(np.array(p))} for p in POINTS],
            "hessian": [hessian[0, 0], hessian[0, 1], hessian[1, 1]],
            "eigenvalues": np.linalg.eigvalsh(hessian).tolist(),
            "minimum": best.tolist(), "minimumValue": loss(best)}


def logistic(spec, data, f1, f2, positive, standardized):
    header, features, labels = table(data)
    x1 = features[:, header.index(f1)]
    x2 = features[:, header.index(f2)]
    if standardized:
        x1, x2 = standardize(x1), standardize(x2)
    X = np.c_[x1, x2]
    y = np.array([1.0 if v == positive else 0.0 for v in labels])

    def loss(w):
        z = X @ w
        return float(np.mean(np.logaddexp(0, z) - y * z))

    def grad(w):
        p = 1 / (1 + np.exp(-(X @ w)))
        return X.T @ (p - y) / len(y)

    def hess(w):
        p = 1 / (1 + np.exp(-(X @ w)))
        return (X * (p * (1 - p))[:, None]).T @ X / len(y)

    # Separable through the origin iff some w has s_i·(w·x_i) >= 1 for all i (s = ±1): a feasibility LP.
    s = 2 * y - 1
    lp = linprog(np.zeros(2), A_ub=-(s[:, None] * X), b_ub=-np.ones(len(y)), bounds=[(None, None)] * 2)
    separable = lp.status == 0
    entry = {"spec": spec, "rows": len(y), "separable": separable,
             "points": [{"at": p, "value": loss(np.array(p)), "gradient": grad(np.array(p)).tolist()} for p in POINTS],
             "hessianAtOrigin": [hess(np.zeros(2))[0, 0], hess(np.zeros(2))[0, 1], hess(np.zeros(2))[1, 1]]}
    if not separable:
        result = minimize(loss, np.zeros(2), jac=grad, hess=hess, method="trust-exact", options={"gtol": 1e-13})
        entry["minimum"] = result.x.tolist()
        entry["minimumValue"] = loss(result.x)
    return entry


def main():
    cases = [
        regression("regression:diabetes:bmi", "diabetes", "bmi", False),
        regression("regression:diabetes:bmi:standardized", "diabetes", "bmi", True),
        regression("regression:diabetes:s5", "diabetes", "s5", False),
        logistic("logistic:iris:petal_length,petal_width:virginica", "iris", "petal_length", "petal_width",
                 "virginica", False),
        logistic("logistic:breast-cancer:mean_radius,mean_texture:standardized", "breast-cancer", "mean_radius",
                 "mean_texture", "malignant", True),
        logistic("logistic:moons", "moons", "x1", "x2", "1", False),
        logistic("logistic:iris:petal_length,petal_width:setosa", "iris", "petal_length", "petal_width",
                 "setosa", False),
        logistic("logistic:iris:sepal_width,petal_length:setosa", "iris", "sepal_width", "petal_length",
                 "setosa", False),
        logistic("logistic:iris:petal_length,petal_width:setosa:standardized", "iris", "petal_length", "petal_width",
                 "setosa", True),
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "tools/data-fixtures/generate.py", "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
