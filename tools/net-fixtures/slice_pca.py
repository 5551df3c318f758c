#!/usr/bin/python3
"""Writes the fixture TrajectoryPcaFixtureTest compares against: the top two principal directions of
small recorded trajectories relative to their last point, and the share of the squared distance each
explains, computed by NumPy's SVD.

Run from the repository root with Debian's Python (python3-numpy):
    /usr/bin/python3 tools/net-fixtures/slice_pca.py
It writes losslab-core/src/test/resources/fixtures/slice/pca-trajectories.json. Nothing here shares
code with LossLab: each trajectory is heavy-ball gradient descent on a random quadratic ½·θᵀAθ, made
here by NumPy; the directions are the first two rows of Vᵗ from np.linalg.svd of the uncentred
matrix X whose rows are θ_k − θ_T (the plane through θ_T closest to the path, as LossLab defines
its PCA plane), and the shares are s_i² / Σ s². Singular vectors are unique up to sign only; the
test compares up to sign.
"""
import json
import os

import numpy as np

OUT = "losslab-core/src/test/resources/fixtures/slice/pca-trajectories.json"


def trajectory(rng, n, steps, lr, momentum):
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    a = q @ np.diag(np.geomspace(0.05, 4.0, n)) @ q.T
    theta = rng.standard_normal(n) * 2
    velocity = np.zeros(n)
    path = [theta.copy()]
    for _ in range(steps):
        velocity = momentum * velocity - lr * (a @ theta)
        theta = theta + velocity
        path.append(theta.copy())
    return np.array(path)


def case(name, seed, n, steps, lr, momentum):
    path = trajectory(np.random.default_rng(seed), n, steps, lr, momentum)
    x = path - path[-1]
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    shares = s ** 2 / np.sum(s ** 2)
    return {"name": name, "points": path.tolist(), "first": vt[0].tolist(), "second": vt[1].tolist(),
            "shares": [float(shares[0]), float(shares[1])]}


def main():
    cases = [
        # more points (41) than dimensions (7)
        case("quadratic-7d-momentum", 17, 7, 40, 0.2, 0.6),
        # fewer points (13) than dimensions (60)
        case("quadratic-60d-gd", 18, 60, 12, 0.3, 0.0),
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "tools/net-fixtures/slice_pca.py", "numpy": np.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
