#!/usr/bin/env python3
"""LossLab's built-in datasets, written once as CSV files that ship inside the jar.

Run it from the repository root with Debian's NumPy and scikit-learn (python3-sklearn 1.2.1):

    /usr/bin/python3 tools/datasets/generate.py

It writes one CSV per set to losslab-core/src/main/resources/dev/losslab/core/data/ and the fixture
losslab-core/src/test/resources/dev/losslab/core/data/summary.json. Every random draw is seeded, so a
rerun writes the same bytes (a test would notice a changed file only through summary.json; git shows it).

The files have the format a user's CSV has (docs/DATASETS.md): a header row, the features, the label
last; class labels are written as their names, so a file reads well on its own.

- Generated (2 features x1, x2; label `class`, 0 … K − 1), values rounded to DECIMALS decimals:
  moons    sklearn make_moons(200, noise=0.1)
  circles  sklearn make_circles(200, noise=0.05, factor=0.5)
  spirals  two interleaved spirals, 150 points each (`spirals` below)
  xor      four Gaussian clusters, one per quadrant; the label is the xor of the point's signs
  blobs    sklearn make_blobs(300, 3 centres)
- Real, converted from the data folder of Debian's python3-sklearn (sklearn/datasets/data/, read by
  sklearn's own loaders), values exactly as there (each number written in the shortest form that reads
  back as the same double; the script checks this), feature names as snake_case words a person can
  type, class names as sklearn's target_names:
  iris, wine, breast-cancer, digits, and diabetes raw (load_diabetes(scaled=False): the unscaled
  diabetes_data_raw.csv.gz and diabetes_target.csv.gz; label `progression`, real-valued).

summary.json holds, per set, NumPy's view of the rows exactly as written: the row count, each
feature's least and greatest value, mean and population standard deviation (np.std, ddof=0), and
the label's class counts (in the order of LossLab's label rule: text names sorted, numbers in
numeric order) or, for a real label, its mean and standard deviation. DatasetsTest checks the Java loader against it.
"""

import json
import math
import os
import re

import numpy as np
import sklearn
from sklearn import datasets

assert sklearn.__version__ == "1.2.1", sklearn.__version__

OUT = os.path.join("losslab-core", "src", "main", "resources", "dev", "losslab", "core", "data")
FIXTURE = os.path.join("losslab-core", "src", "test", "resources", "dev", "losslab", "core", "data", "summary.json")
SEED = 0
DECIMALS = 6


# ---- the generated sets ----

def spirals(n, rng):
    """Two spirals, n points each, arm k turned by k·π: angle θ = 3π·√u (u uniform, so points are
    spread evenly along the arm), radius θ/3π in [0, 1], plus N(0, 0.03²) noise on each coordinate.
    Neighbouring arms are 1/3 apart, ten noise sds: the classes interleave but do not overlap."""
    xs, labels = [], []
    for k in (0, 1):
        theta = 3 * math.pi * np.sqrt(rng.uniform(0, 1, n))
        r = theta / (3 * math.pi)
        points = np.column_stack([r * np.cos(theta + k * math.pi), r * np.sin(theta + k * math.pi)])
        xs.append(points + rng.normal(0, 0.03, points.shape))
        labels.append(np.full(n, k))
    return np.vstack(xs), np.concatenate(labels)


def xor(n_per_quadrant, rng):
    """Four Gaussian clusters (sd 0.5) centred at (±1, ±1); class 1 where x1·x2 < 0, the xor of the
    point's own signs (so a few points that stray over an axis take the other quadrant's class)."""
    centres = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], dtype=float)
    points = np.vstack([c + rng.normal(0, 0.5, (n_per_quadrant, 2)) for c in centres])
    return points, ((points[:, 0] > 0) != (points[:, 1] > 0)).astype(int)


def generated():
    """(name, features, labels) for each generated set, features rounded to DECIMALS."""
    rng = np.random.default_rng(SEED)
    sets = [
        ("moons", *datasets.make_moons(n_samples=200, noise=0.1, random_state=SEED)),
        ("circles", *datasets.make_circles(n_samples=200, noise=0.05, factor=0.5, random_state=SEED)),
        ("spirals", *spirals(150, rng)),
        ("xor", *xor(50, rng)),
        ("blobs", *datasets.make_blobs(n_samples=300, centers=3, n_features=2, random_state=SEED)),
    ]
    for name, x, y in sets:
        # + 0.0 turns a rounded -0.0 into 0.0, so no file says "-0".
        yield name, np.round(x, DECIMALS) + 0.0, y.astype(int)


# ---- the real sets ----

def snake(name):
    """'sepal length (cm)' -> 'sepal_length', 'mean concave points' -> 'mean_concave_points'."""
    name = re.sub(r"\(.*?\)", "", name).lower()
    return re.sub(r"[^a-z0-9]+", "_", name).strip("_")


def real():
    """(name, feature names, features, label name, label texts) for each real set."""
    for name, load in (("iris", datasets.load_iris), ("wine", datasets.load_wine),
                       ("breast-cancer", datasets.load_breast_cancer), ("digits", datasets.load_digits)):
        bunch = load()
        names = [snake(f) for f in bunch.feature_names]
        names = ["od280_od315" if n.startswith("od280") else n for n in names]
        labels = [str(bunch.target_names[code]) for code in bunch.target]
        yield name, names, bunch.data, "class", labels
    bunch = datasets.load_diabetes(scaled=False)
    yield "diabetes", list(bunch.feature_names), bunch.data, "progression", [number(v) for v in bunch.target]


# ---- writing ----

def number(v):
    """The shortest text that reads back as the same double: '5.1', '0.006399', '151'."""
    v = float(v)
    text = str(int(v)) if v.is_integer() else repr(v)
    assert float(text) == v, text
    return text


def decimals(v):
    """A rounded generated value with its trailing zeros dropped: '-0.25', '1.034517'."""
    text = f"{v:.{DECIMALS}f}".rstrip("0").rstrip(".")
    assert float(text) == v, (text, v)
    return "0" if text == "-0" else text


def write(name, feature_names, label_name, rows):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(feature_names + [label_name]) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    return path


def read_back(path):
    """The file as a reader sees it: the feature columns as doubles and the label texts."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    cells = [line.split(",") for line in lines[1:]]
    return np.array([[float(c) for c in row[:-1]] for row in cells]), [row[-1] for row in cells]


def label_order(texts):
    """LossLab's label rule (DatasetCsv): numbers that are all integers with at most 20 distinct
    values are classes in numeric order; any text makes classes in sorted order of the names;
    anything else is a real label (None)."""
    try:
        values = [float(t) for t in texts]
    except ValueError:
        return sorted(set(texts))
    distinct = sorted(set(values))
    if all(v.is_integer() for v in values) and len(distinct) <= 20:
        return [number(v) for v in distinct]
    return None


def summary(path):
    x, texts = read_back(path)
    out = {
        "rows": len(texts),
        "features": [{"name": n, "min": float(np.min(x[:, j])), "max": float(np.max(x[:, j])),
                      "mean": float(np.mean(x[:, j])), "sd": float(np.std(x[:, j]))}
                     for j, n in enumerate(open(path, encoding="utf-8").readline().strip().split(",")[:-1])],
    }
    classes = label_order(texts)
    if classes is None:
        y = np.array([float(t) for t in texts])
        out["label"] = {"kind": "real", "mean": float(np.mean(y)), "sd": float(np.std(y))}
    else:
        out["label"] = {"kind": "class", "classes": [[c, texts.count(c)] for c in classes]}
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    summaries = {}
    for name, x, y in generated():
        rows = ([decimals(v) for v in point] + [str(label)] for point, label in zip(x, y))
        summaries[name] = summary(write(name, ["x1", "x2"], "class", rows))
    for name, feature_names, x, label_name, labels in real():
        rows = ([number(v) for v in point] + [label] for point, label in zip(x, labels))
        path = write(name, feature_names, label_name, rows)
        assert np.array_equal(read_back(path)[0], x), name
        summaries[name] = summary(path)
    with open(FIXTURE, "w", encoding="utf-8", newline="\n") as f:
        # One set per line. json writes floats with repr, which reads back as the same double.
        f.write("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in summaries.items()) + "\n}\n")
    for name, s in summaries.items():
        print(f"{name:14} {s['rows']:5} rows, {len(s['features']):2} features")


if __name__ == "__main__":
    main()
