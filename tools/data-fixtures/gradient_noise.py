#!/usr/bin/python3
"""Writes the fixture GradientNoiseFixtureTest compares against: at fixed points of surfaces made of
data, the full gradient G, the per-example gradient covariance S, the minibatch covariance Σ_B for
a few batch sizes and the simple noise scale B_simple = tr S / |G|², computed by NumPy straight from
the shipped CSV files.

Run from the repository root with Debian's Python (python3-numpy):
    /usr/bin/python3 tools/data-fixtures/gradient_noise.py
It reads losslab-core/src/main/resources/dev/losslab/core/data/*.csv and writes
losslab-core/src/test/resources/dev/losslab/core/run/gradient-noise.json. Nothing here shares code
with LossLab: the per-example gradients are NumPy's arrays, S is np.cov(bias=True) (divisor n), and
Σ_B is the finite-population formula (n − B)/(B(n − 1))·S.
"""
import json
import os

import numpy as np

# the same reading of the shipped CSVs as the surfaces' fixtures (run from the repository root)
from generate import standardize, table

OUT = "losslab-core/src/test/resources/dev/losslab/core/run/gradient-noise.json"
BATCHES = [1, 8, 64]


def line_gradients(data, feature, standardized):
    header, features, labels = table(data)
    x = features[:, header.index(feature)]
    if standardized:
        x = standardize(x)
    y = np.array([float(v) for v in labels])
    X = np.c_[x, np.ones_like(x)]
    # ℓᵢ(w, b) = (w·xᵢ + b − yᵢ)²: ∇ℓᵢ = 2·(w·xᵢ + b − yᵢ)·(xᵢ, 1)
    return lambda theta: 2 * (X @ theta - y)[:, None] * X


def logistic_gradients(data, f1, f2, positive, standardized):
    header, features, labels = table(data)
    x1 = features[:, header.index(f1)]
    x2 = features[:, header.index(f2)]
    if standardized:
        x1, x2 = standardize(x1), standardize(x2)
    X = np.c_[x1, x2]
    y = np.array([1.0 if v == positive else 0.0 for v in labels])
    # ℓᵢ(w) = log(1 + e^{zᵢ}) − yᵢ·zᵢ, zᵢ = w·xᵢ: ∇ℓᵢ = (σ(zᵢ) − yᵢ)·xᵢ
    return lambda w: (1 / (1 + np.exp(-(X @ w))) - y)[:, None] * X


def case(spec, gradients, points):
    entries = []
    for p in points:
        g = gradients(np.array(p, dtype=float))
        n = len(g)
        G = g.mean(axis=0)
        S = np.cov(g.T, bias=True)
        entries.append({
            "at": p, "examples": n, "gradient": G.tolist(),
            "exampleCovariance": [S[0, 0], S[0, 1], S[1, 1]],
            "noiseScale": float(np.trace(S) / (G @ G)),
            "batches": [{"batchSize": b, "covariance": ((n - b) / (b * (n - 1)) * S)[[0, 0, 1], [0, 1, 1]].tolist()}
                        for b in BATCHES],
        })
    return {"spec": spec, "points": entries}


def main():
    cases = [
        case("regression:diabetes:bmi", line_gradients("diabetes", "bmi", False), [[0.0, 0.0], [9.0, -105.0]]),
        case("regression:diabetes:bmi:standardized", line_gradients("diabetes", "bmi", True),
             [[0.0, 0.0], [40.0, 135.0], [45.0, 152.0]]),
        case("logistic:iris:petal_length,petal_width:virginica",
             logistic_gradients("iris", "petal_length", "petal_width", "virginica", False), [[0.0, 0.0], [-1.0, 3.0]]),
        case("logistic:breast-cancer:mean_radius,mean_texture:standardized",
             logistic_gradients("breast-cancer", "mean_radius", "mean_texture", "malignant", True),
             [[0.0, 0.0], [2.0, 1.0]]),
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "tools/data-fixtures/gradient_noise.py", "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
