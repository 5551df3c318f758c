#!/usr/bin/env python3
"""Reference curvature of networks' losses from torch's double backward, for LossLab's Hessian-vector
products, spectra and sharpness (issue 17).

For small models on the first rows of built-in datasets (read and initialised as train.py does),
the file records at the torch-initialised θ: H·v for a fixed v, and every eigenvalue of the full
Hessian (formed column by column from H·eⱼ, then torch.linalg.eigvalsh). It also records the edge of
stability run of the issue: full-batch gradient descent, lr 0.1, on a 2-32-32-1 tanh MLP with MSE on
the 200 moons points, with the top eigenvalue of the Hessian every 250 steps for 2,000 steps.

Run it from the repository root with Debian's torch (python3-torch):

    /usr/bin/python3 tools/torch-fixtures/hessian.py
"""

import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train import criterion, model, read, targets  # noqa: E402  (one reading of the data and the models)

torch.set_num_threads(1)
OUT = os.path.join("losslab-core", "src", "test", "resources", "fixtures", "torch-train", "hessian-cases.json")


def flat_loss(net, loss, x, y):
    """The full-data loss as a function of one flat parameter vector, in state_dict order."""
    shapes = [p.shape for p in net.parameters()]
    crit = criterion(loss)

    def f(theta):
        params, at = [], 0
        for s in shapes:
            n = s.numel()
            params.append(theta[at:at + n].reshape(s))
            at += n
        h = x
        layers = [m for m in net]
        i = 0
        for m in layers:
            if isinstance(m, torch.nn.Linear):
                h = torch.nn.functional.linear(h, params[i], params[i + 1])
                i += 2
            else:
                h = m(h)
        return crit(h, y)

    return f


def hvp(f, theta, v):
    t = theta.detach().requires_grad_(True)
    (g,) = torch.autograd.grad(f(t), t, create_graph=True)
    (hv,) = torch.autograd.grad(g @ v, t)
    return hv


def hessian(f, theta):
    t = theta.detach().requires_grad_(True)
    (g,) = torch.autograd.grad(f(t), t, create_graph=True)
    n = theta.numel()
    cols = []
    for j in range(n):
        (col,) = torch.autograd.grad(g[j], t, retain_graph=True)
        cols.append(col)
    h = torch.stack(cols, dim=1)
    return 0.5 * (h + h.T)


def flat(state):
    return torch.cat([torch.tensor(v, dtype=torch.float64).reshape(-1) for v in state.values()])


SMALL = [
    dict(name="moons-mlp-tanh-mse", data="moons", rows=64, widths=[2, 8, 1], activation="tanh", loss="mse", seed=10),
    dict(name="moons-mlp-sigmoid-bce", data="moons", rows=64, widths=[2, 6, 1], activation="sigmoid", loss="bce", seed=11),
    dict(name="moons-mlp-gelu-mse", data="moons", rows=64, widths=[2, 5, 4, 1], activation="gelu", loss="mse", seed=12),
    dict(name="iris-mlp-relu-ce", data="iris", rows=150, widths=[4, 6, 3], activation="relu", loss="ce", seed=13),
    dict(name="iris-mlp-tanh-mse-onehot", data="iris", rows=150, widths=[4, 5, 3], activation="tanh", loss="mse", seed=14),
    dict(name="iris-logistic-ce", data="iris", rows=150, widths=[4, 3], activation="tanh", loss="ce", seed=15),
]


def small_case(c):
    x, labels = read(c["data"], c["rows"])
    torch.manual_seed(c["seed"])
    net = model(c["widths"], c["activation"])
    init = {k: v.tolist() for k, v in net.state_dict().items()}
    y = targets(c["loss"], labels, c["widths"][-1])
    f = flat_loss(net, c["loss"], x, y)
    theta = flat(init)
    g = torch.Generator().manual_seed(c["seed"])
    v = torch.randn(theta.numel(), generator=g, dtype=torch.float64)
    eig = torch.linalg.eigvalsh(hessian(f, theta))
    print(f'{c["name"]:26} N={theta.numel():4d} top {float(eig[-1]):.6g} bottom {float(eig[0]):.6g}')
    return dict(c, model="mlp" if len(c["widths"]) > 2 else "logistic", labels=labels, init=init, v=v.tolist(), hv=hvp(f, theta, v).tolist(), eigenvalues=eig.tolist())


def edge_of_stability():
    c = dict(name="moons-eos", data="moons", rows=200, widths=[2, 32, 32, 1], activation="tanh", loss="mse", seed=20,
             lr=0.1, steps=2000, every=250)
    x, labels = read(c["data"], c["rows"])
    torch.manual_seed(c["seed"])
    net = model(c["widths"], c["activation"])
    init = {k: v.tolist() for k, v in net.state_dict().items()}
    y = targets(c["loss"], labels, 1)
    f = flat_loss(net, c["loss"], x, y)
    theta = flat(init)
    at, sharpness, losses = [], [], []
    for k in range(c["steps"] + 1):
        t = theta.detach().requires_grad_(True)
        loss = f(t)
        (g,) = torch.autograd.grad(loss, t)
        if k % c["every"] == 0:
            top = float(torch.linalg.eigvalsh(hessian(f, theta))[-1])
            at.append(k)
            sharpness.append(top)
            losses.append(float(loss))
            print(f"eos step {k:5d} loss {float(loss):.6f} sharpness {top:.4f} (2/lr = {2 / c['lr']:g})")
        theta = theta - c["lr"] * g
    return dict(c, model="mlp", labels=labels, init=init, at=at, sharpness=sharpness, losses=losses)


def main():
    small = [small_case(c) for c in SMALL]
    eos = edge_of_stability()
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "small": small, "eos": eos}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
