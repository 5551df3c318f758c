#!/usr/bin/env python3
"""The torch side of the `train` speed comparison (issue 17): the 2-16-16-1 tanh MLP on all 200
rows of moons, MSE on the 0/1 labels, full batch, 1,000 steps, float64, one thread. Per step it does
what LossLab's training loop does: forward over every row, the mean loss, backward, the full-data
gradient norm (a column of `train`'s CSV), the optimizer step; the loss is read back each step
(`.item()`), as a logging loop would. Prints steps per second (the best of REPEATS runs, after a
warm-up run) for sgd, momentum and adam.

    /usr/bin/python3 losslab-bench/train/train_torch.py [--digits]

--digits times the digits MLP instead: 64-32-10 tanh, cross-entropy over all 1,797 rows.
"""

import csv
import os
import sys
import time

import torch
from torch import nn

torch.set_num_threads(1)
DATA = os.path.join("losslab-core", "src", "main", "resources", "dev", "losslab", "core", "data")
STEPS = 1000
REPEATS = 5


def read(name):
    with open(os.path.join(DATA, name + ".csv"), newline="") as f:
        rows = list(csv.reader(f))[1:]
    x = torch.tensor([[float(v) for v in r[:-1]] for r in rows], dtype=torch.float64)
    labels = [int(float(r[-1])) for r in rows]
    return x, labels


def setup(digits):
    if digits:
        x, labels = read("digits")
        net = nn.Sequential(nn.Linear(64, 32), nn.Tanh(), nn.Linear(32, 10)).double()
        return x, torch.tensor(labels), net, nn.CrossEntropyLoss()
    x, labels = read("moons")
    net = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1)).double()
    return x, torch.tensor(labels, dtype=torch.float64).reshape(-1, 1), net, nn.MSELoss()


def run(digits, name):
    x, y, net, crit = setup(digits)
    params = list(net.parameters())
    opt = {"sgd": lambda: torch.optim.SGD(params, lr=0.1, foreach=False),
           "momentum": lambda: torch.optim.SGD(params, lr=0.1, momentum=0.9, foreach=False),
           "adam": lambda: torch.optim.Adam(params, lr=0.001, foreach=False)}[name]()
    start = time.perf_counter()
    for _ in range(STEPS):
        opt.zero_grad()
        loss = crit(net(x), y)
        loss.backward()
        norm = torch.sqrt(sum((p.grad ** 2).sum() for p in params))
        opt.step()
        loss.item()
        norm.item()
    return STEPS / (time.perf_counter() - start)


def main():
    digits = "--digits" in sys.argv
    for name in ("sgd", "momentum", "adam"):
        run(digits, name)
        best = max(run(digits, name) for _ in range(REPEATS))
        print(f"torch {torch.__version__} {'digits 64-32-10' if digits else 'moons 2-16-16-1'} {name}: {best:,.0f} steps/s")


if __name__ == "__main__":
    main()
