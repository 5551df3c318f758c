#!/usr/bin/env python3
"""Reference training runs from torch.nn + torch.optim, for LossLab's `train` (issue 17).

Each case is a small model on the first rows of a built-in dataset (the CSV files LossLab ships,
read here with float(), which rounds each decimal exactly as Java's Double.parseDouble does), trained
in float64 from a torch-initialised state_dict with listed batches. For each optimizer the file
records, at every step k = 0 … STEPS, the mean loss over every training row at θ_k, the loss of the
batch of update k + 1 at θ_k, the full-data gradient norm and the accuracy: the columns of
`./losslab train --format csv`. The Java test (TrainTorchFixtureTest) replays each case from the same
init and batches and compares the curves.

Run it from the repository root with Debian's torch (python3-torch):

    /usr/bin/python3 tools/torch-fixtures/train.py

The model is nn.Sequential(Linear, act, Linear, …) and the losses torch's own modules with
reduction='mean'; the optimizers run with foreach=False.
"""

import csv
import json
import math
import os

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)
DATA = os.path.join("losslab-core", "src", "main", "resources", "dev", "losslab", "core", "data")
OUT = os.path.join("losslab-core", "src", "test", "resources", "fixtures", "torch-train", "train-cases.json")


def read(name, rows):
    """The first `rows` rows of a built-in CSV: features, and labels coded as LossLab codes them."""
    with open(os.path.join(DATA, name + ".csv"), newline="") as f:
        table = list(csv.reader(f))[1:]
    table = table[:rows]
    x = [[float(v) for v in row[:-1]] for row in table]
    raw = [row[-1] for row in table]
    try:
        values = [float(v) for v in raw]
        classes = sorted(set(values))
        labels = [classes.index(v) for v in values]
    except ValueError:
        names = sorted(set(raw))
        labels = [names.index(v) for v in raw]
    return torch.tensor(x, dtype=torch.float64), labels


ACTIVATIONS = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid, "gelu": nn.GELU}


def model(widths, activation):
    layers = []
    for l in range(len(widths) - 1):
        layers.append(nn.Linear(widths[l], widths[l + 1]))
        if l + 2 < len(widths):
            layers.append(ACTIVATIONS[activation]())
    return nn.Sequential(*layers).double()


def targets(loss, labels, outputs):
    if loss == "ce":
        return torch.tensor(labels, dtype=torch.long)
    if outputs == 1:
        return torch.tensor(labels, dtype=torch.float64).reshape(-1, 1)
    return nn.functional.one_hot(torch.tensor(labels), outputs).double()


def criterion(loss):
    return {"mse": nn.MSELoss(), "bce": nn.BCEWithLogitsLoss(), "ce": nn.CrossEntropyLoss()}[loss]


def correct(loss, out, labels):
    if out.shape[1] == 1:
        threshold = 0.5 if loss == "mse" else 0.0
        pred = (out[:, 0] > threshold).long()
    else:
        pred = out.argmax(dim=1)
    return int((pred == torch.tensor(labels)).sum())


def optimizer(name, settings, params, lr):
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, foreach=False)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=settings.get("momentum", 0.9), foreach=False)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, foreach=False)
    raise ValueError(name)


def batches(rows, size, steps, seed):
    """Without replacement, reshuffled each epoch (the last partial batch of an epoch dropped)."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < steps:
        order = rng.permutation(rows)
        for start in range(0, rows - size + 1, size):
            out.append([int(i) for i in order[start:start + size]])
    return out[:steps]


def run(case, name, settings, lr, steps, x, labels, init, batch_list):
    net = model(case["widths"], case["activation"])
    net.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in init.items()})
    y = targets(case["loss"], labels, case["widths"][-1])
    crit = criterion(case["loss"])
    opt = optimizer(name, settings, net.parameters(), lr)
    rows = {"loss": [], "batch_loss": [], "grad_norm": [], "accuracy": []}
    for k in range(steps + 1):
        net.zero_grad()
        out = net(x)
        full = crit(out, y)
        full.backward()
        norm = math.sqrt(sum(float((p.grad ** 2).sum()) for p in net.parameters()))
        rows["loss"].append(float(full))
        rows["grad_norm"].append(norm)
        rows["accuracy"].append(correct(case["loss"], out.detach(), labels) / len(labels))
        if k == steps:
            rows["batch_loss"].append(None)
            break
        idx = torch.tensor(batch_list[k]) if batch_list is not None else None
        net.zero_grad()
        batch = crit(net(x[idx]), y[idx]) if idx is not None else crit(net(x), y)
        batch.backward()
        rows["batch_loss"].append(float(batch))
        opt.step()
    return dict(optimizer=name, settings=settings, lr=lr, steps=steps, **rows)


CASES = [
    # The net: moons, 2-16-16-1 tanh, MSE on the 0/1 labels, minibatches of 16.
    dict(name="moons-mlp-tanh-mse", data="moons", rows=64, model="mlp", widths=[2, 16, 16, 1], activation="tanh",
         loss="mse", seed=0, batch=16, steps=200,
         runs=[("sgd", {}, 0.1), ("momentum", {"momentum": 0.9}, 0.05), ("adam", {}, 0.01)]),
    # Full batch: gradient descent on the full-data loss (the edge-of-stability setting, small).
    dict(name="moons-mlp-tanh-mse-full", data="moons", rows=64, model="mlp", widths=[2, 16, 16, 1], activation="tanh",
         loss="mse", seed=1, batch=None, steps=200, runs=[("sgd", {}, 0.2)]),
    # Softmax regression on iris: a linear layer of 3 logits under cross-entropy.
    dict(name="iris-logistic-ce", data="iris", rows=150, model="logistic", widths=[4, 3], activation="tanh",
         loss="ce", seed=2, batch=30, steps=200,
         runs=[("sgd", {}, 0.05), ("momentum", {"momentum": 0.9}, 0.01), ("adam", {}, 0.05)]),
    # Binary logistic regression: one logit under BCE with logits.
    dict(name="moons-logistic-bce", data="moons", rows=64, model="logistic", widths=[2, 1], activation="tanh",
         loss="bce", seed=3, batch=16, steps=100, runs=[("adam", {}, 0.05)]),
    # The other activations, a few steps each.
    dict(name="iris-mlp-relu-ce", data="iris", rows=150, model="mlp", widths=[4, 8, 3], activation="relu",
         loss="ce", seed=4, batch=25, steps=100, runs=[("adam", {}, 0.01)]),
    dict(name="moons-mlp-gelu-bce", data="moons", rows=64, model="mlp", widths=[2, 8, 1], activation="gelu",
         loss="bce", seed=5, batch=16, steps=100, runs=[("momentum", {"momentum": 0.9}, 0.05)]),
    dict(name="moons-mlp-sigmoid-mse", data="moons", rows=64, model="mlp", widths=[2, 8, 1], activation="sigmoid",
         loss="mse", seed=6, batch=None, steps=100, runs=[("sgd", {}, 0.5)]),
    # MSE on three classes, one-hot.
    dict(name="iris-mlp-tanh-mse-onehot", data="iris", rows=150, model="mlp", widths=[4, 6, 3], activation="tanh",
         loss="mse", seed=7, batch=30, steps=100, runs=[("adam", {}, 0.01)]),
]


def main():
    cases = []
    for c in CASES:
        x, labels = read(c["data"], c["rows"])
        torch.manual_seed(c["seed"])
        init = {k: v.tolist() for k, v in model(c["widths"], c["activation"]).state_dict().items()}
        batch_list = batches(c["rows"], c["batch"], c["steps"], c["seed"]) if c["batch"] else None
        runs = [run(c, name, settings, lr, c["steps"], x, labels, init, batch_list) for name, settings, lr in c["runs"]]
        for r in runs:
            print(f'{c["name"]:28} {r["optimizer"]:9} loss {r["loss"][0]:.4f} -> {r["loss"][-1]:.4f}')
        cases.append(dict(name=c["name"], data=c["data"], rows=c["rows"], model=c["model"], widths=c["widths"],
                          activation=c["activation"], loss=c["loss"], labels=labels, init=init,
                          batches=batch_list, runs=runs))
    gelu_points = [-6.5, -4, -3.1, -3, -2.5, -2, -1.5, -1, -0.3, 0, 1e-9, 0.2, 0.5, 0.84375, 1, 1.49, 1.5, 1.51, 2, 2.7, 2.9, 3,
                   3.5, 5, 5.9, 7]
    erf_check = [[z, math.erf(z)] for z in gelu_points]
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "erf": erf_check, "cases": cases}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
