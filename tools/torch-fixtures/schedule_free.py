#!/usr/bin/env python3
"""Reference trajectories for LossLab's schedule-free-adamw and schedule-free-sgd.

LossLab follows the authors' code, facebookresearch/schedule_free, schedulefree 1.3:
AdamWScheduleFree.step and SGDScheduleFree.step (their non-foreach branches), and reports the
point the authors evaluate, x (what their eval() swaps in), while the gradient is taken at y (the
parameters in train mode). The two optax 0.2.8 cases in
losslab-core/src/test/resources/fixtures/optax/optax-0.2.8-cases.json warm up, and optax's warm-up
is not the authors' (see check_optax_reading), so this script writes the authors' rule for those
runs and for the options optax lacks into
losslab-core/src/test/resources/fixtures/optax/schedule-free-cases.json, in the optax file's format
(/work/shared/reference/README.md): x, y the evaluated point x, gradient_point_x/_y the point y the
gradient was taken at, loss f(x).

    /usr/bin/python3 tools/torch-fixtures/schedule_free.py

The authors' rules are written out below step by step in the form of their code (y and z kept, x
recovered as their eval() recovers it), not in the x-y-z form LossLab's Java uses, so the two are
independent transcriptions. The gradients are the closed forms of LossLab's catalog surfaces
(modern.py's, in the same operation order).
"""

import json
import math
import os

import numpy as np

from modern import FIXTURES, OPTAX, ROOT, SURFACES

OUT = os.path.join(FIXTURES, "schedule-free-cases.json")


def lerp(start, end, weight):
    """torch.lerp on one double, rounded as its CPU kernel rounds it."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1 - weight)


class ScheduleFree:
    """What AdamWScheduleFree and SGDScheduleFree share: the warm-up, the averaging weights, y's update."""

    def __init__(self, beta, weight_decay, warmup_steps, r, weight_lr_power):
        self.beta, self.wd, self.warmup, self.r, self.power = beta, weight_decay, warmup_steps, r, weight_lr_power
        self.k = 0
        self.lr_max = -1.0
        self.weight_sum = 0.0
        self.z = None

    def weights(self, lr):
        """This step's lr (warmed up) and c_{k+1}, the weight of the new z in the average x."""
        sched = (self.k + 1) / self.warmup if self.k < self.warmup else 1.0
        lr = lr * sched
        self.lr_max = max(lr, self.lr_max)
        weight = ((self.k + 1) ** self.r) * (self.lr_max ** self.power)
        self.weight_sum = self.weight_sum + weight
        try:
            ckp1 = weight / self.weight_sum
        except ZeroDivisionError:
            ckp1 = 0
        return lr, ckp1

    def move(self, y, i, direction, lr, ckp1):
        """y and z after the step along direction (the normalised gradient plus decay at y)."""
        y[i] = lerp(y[i], self.z[i], ckp1)
        y[i] += direction * (lr * (self.beta * (1 - ckp1) - 1))
        self.z[i] -= direction * lr

    def x(self, y):
        """The evaluated point, as eval() swaps it in: y.lerp(z, 1 − 1/β)."""
        if self.z is None:
            return list(y)
        return [lerp(y[i], self.z[i], 1 - 1 / self.beta) for i in range(len(y))]


class AdamWScheduleFree(ScheduleFree):
    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, warmup_steps=0, r=0.0,
                 weight_lr_power=2.0):
        super().__init__(beta1, weight_decay, warmup_steps, r, weight_lr_power)
        self.beta2, self.eps = beta2, eps
        self.v = None

    def step(self, y, g, lr):
        lr, ckp1 = self.weights(lr)
        bias_correction2 = 1 - self.beta2 ** (self.k + 1)
        if self.z is None:
            self.z = list(y)
            self.v = [0.0] * len(y)
        for i in range(len(y)):
            self.v[i] = self.v[i] * self.beta2 + (1 - self.beta2) * (g[i] * g[i])
            denom = math.sqrt(self.v[i] / bias_correction2) + self.eps
            direction = g[i] / denom
            if self.wd != 0:
                direction += self.wd * y[i]
            self.move(y, i, direction, lr, ckp1)
        self.k += 1


class SGDScheduleFree(ScheduleFree):
    def __init__(self, momentum=0.9, weight_decay=0.0, warmup_steps=0, r=0.0, weight_lr_power=2.0):
        super().__init__(momentum, weight_decay, warmup_steps, r, weight_lr_power)

    def step(self, y, g, lr):
        lr, ckp1 = self.weights(lr)
        if self.z is None:
            self.z = list(y)
        for i in range(len(y)):
            direction = g[i]
            if self.wd != 0:
                direction += self.wd * y[i]
            self.move(y, i, direction, lr, ckp1)
        self.k += 1


# ---- optax 0.2.8's reading, to check what differs ----

def optax_warmup(lr, warmup_steps):
    """optax.warmup_constant_schedule(0, lr, W) as optax 0.2.8 evaluates it under jax_enable_x64: in
    float32 (the int32 step count makes the linear part float32, and joining it to the constant part
    keeps that type), then widened; without a warm-up, lr itself."""
    f32 = np.float32

    def schedule(count):
        if warmup_steps is None:
            return lr
        if count >= warmup_steps:
            return float(f32(lr))
        frac = f32(1) - f32(count) / f32(warmup_steps)
        return float(f32(f32(0.0 - lr) * frac + f32(lr)))
    return schedule


class OptaxScheduleFree:
    """optax.contrib.schedule_free around scale_by_rms (AdamW) or sgd, with its own state: the
    averaging weights read the schedule at step_count (1 on the first update), the wrapped optimizer's
    scale_by_learning_rate at its own count (0 on the first update)."""

    def __init__(self, adam, lr, warmup_steps=None, b1=0.9, b2=0.999, eps=1e-8, weight_decay=0.0,
                 weight_lr_power=2.0):
        self.adam, self.schedule, self.b1, self.b2, self.eps = adam, optax_warmup(lr, warmup_steps), b1, b2, eps
        self.wd, self.power = weight_decay, weight_lr_power
        self.weight_sum, self.step_count, self.max_lr, self.count = 0.0, 1, 0.0, 0
        self.z = None
        self.nu = None

    def step(self, y, g, lr):
        if self.z is None:
            self.z = list(y)
            self.nu = [0.0] * len(y)
        self.max_lr = max(self.max_lr, self.schedule(self.step_count))
        weight = self.max_lr ** self.power
        total = self.weight_sum + weight
        ck = 0.0 if total == 0 else weight / total
        base_lr = self.schedule(self.count)
        self.count += 1
        z = []
        for i in range(len(y)):
            if self.adam:
                self.nu[i] = (1 - self.b2) * (g[i] ** 2) + self.b2 * self.nu[i]
                u = g[i] / (math.sqrt(self.nu[i] / (1 - self.b2 ** self.count)) + self.eps)
            else:
                u = g[i]
            u = u + self.wd * y[i]
            z.append(self.z[i] + -base_lr * u)
        for i in range(len(y)):
            prev_x = (y[i] - (1.0 - self.b1) * self.z[i]) / self.b1
            x = (1.0 - ck) * prev_x + ck * z[i]
            y[i] = self.b1 * x + (1.0 - self.b1) * z[i]
        self.z = z
        self.weight_sum, self.step_count = total, self.step_count + 1

    def x(self, y):
        return [(y[i] - (1.0 - self.b1) * self.z[i]) / self.b1 for i in range(len(y))]


# ---- runs ----

def run(surface, start, steps, lr, optimizer):
    """Rows step, x, y, f(x), gradient point x, y; the gradient is taken at y, the point after the step."""
    f = SURFACES[surface]
    y = [float(c) for c in start]
    rows = [[0, y[0], y[1], f(*y)[0], y[0], y[1]]]
    for k in range(1, steps + 1):
        _, g = f(*y)
        optimizer.step(y, g, lr)
        x = optimizer.x(y)
        assert all(math.isfinite(c) and abs(c) < 1e6 for c in x + y), (surface, k, x, y)
        rows.append([k, x[0], x[1], f(*x)[0], y[0], y[1]])
    return rows


def authors_rule(name, flags):
    kwargs = {key.replace("-", "_"): value for key, value in flags.items() if key != "lr"}
    return {"schedule-free-adamw": AdamWScheduleFree, "schedule-free-sgd": SGDScheduleFree}[name](**kwargs)


def optax_rule(name, flags):
    adam = name == "schedule-free-adamw"
    return OptaxScheduleFree(adam, flags["lr"], warmup_steps=flags.get("warmup-steps"),
                             b1=flags.get("beta1" if adam else "momentum", 0.9),
                             weight_decay=flags.get("weight-decay", 0.0))


# (surface, optimizer, LossLab flags, start, steps, why)
CASES = [
    ("himmelblau", "schedule-free-adamw", {"lr": 0.05, "warmup-steps": 20, "weight-decay": 0.01}, [0.0, 0.0], 300,
     "the optax case, authors' rule: the warm-up's lr reaches the z step in the same update as the weights"),
    ("bowl", "schedule-free-sgd", {"lr": 0.05, "momentum": 0.9, "warmup-steps": 10}, [3.0, 2.0], 150,
     "the optax case, authors' rule: the warm-up's lr reaches the z step in the same update as the weights"),
    ("ravine", "schedule-free-adamw", {"lr": 0.02}, [-1.5, 2.0], 300,
     "the authors' defaults, no warm-up: here optax's rule is the same"),
    ("rosenbrock", "schedule-free-adamw", {"lr": 0.01, "beta1": 0.95, "beta2": 0.99, "eps": 1e-6, "r": 1.0,
                                           "weight-lr-power": 1.0, "warmup-steps": 30}, [-1.5, 2.0], 300,
     "polynomial weights (k+1)^r, lr^1 in the weights, other betas"),
    ("himmelblau", "schedule-free-sgd", {"lr": 0.01, "momentum": 0.8, "weight-decay": 0.05, "r": 0.5,
                                         "weight-lr-power": 0.0, "warmup-steps": 5}, [0.5, -1.0], 200,
     "weight decay at y, polynomial weights without lr"),
    ("ravine", "schedule-free-sgd", {"lr": 0.004}, [-1.5, 2.0], 300,
     "the authors' defaults but lr, no warm-up: here optax's rule is the same"),
]


def gap(rows, other, columns=(1, 2, 4, 5)):
    return max(abs(r[c] - s[c]) / max(1, abs(s[c])) for r, s in zip(rows, other) for c in columns)


def check_optax_reading():
    """optax's rule, as read above, gives the optax file's trajectories; the authors' rule does not;
    without a warm-up the two rules are the same."""
    with open(OPTAX) as f:
        cases = {c["optimizer"]: c for c in json.load(f) if c["optimizer"].startswith("schedule-free")}
    for name, case in sorted(cases.items()):
        flags = case["flags"]
        mine = run(case["surface"], case["start"], case["steps"], flags["lr"], optax_rule(name, flags))
        authors = run(case["surface"], case["start"], case["steps"], flags["lr"], authors_rule(name, flags))
        reading, apart = gap(mine, case["rows"]), gap(authors, case["rows"])
        assert reading < 1e-12, (name, reading)
        assert apart > 1e-4, (name, apart)
        print(f"{name}: optax's rule as read here matches optax to {reading:.2g}; the authors' rule is up to "
              f"{apart:.3g} away")
    for surface, name, flags, start, steps, _ in CASES:
        if "warmup-steps" in flags or "r" in flags or "weight-lr-power" in flags:
            continue
        same = gap(run(surface, start, steps, flags["lr"], optax_rule(name, flags)),
                   run(surface, start, steps, flags["lr"], authors_rule(name, flags)))
        assert same < 1e-12, (name, same)
        print(f"{name} on {surface} without warm-up: optax's rule and the authors' agree to {same:.2g}")


def main():
    check_optax_reading()
    out = []
    for surface, name, flags, start, steps, why in CASES:
        rows = run(surface, start, steps, flags["lr"], authors_rule(name, flags))
        out.append({"surface": surface, "optimizer": name, "flags": flags, "start": start, "steps": steps,
                    "columns": ["step", "x", "y", "loss", "gradient_point_x", "gradient_point_y"], "rows": rows,
                    "note": why, "reference": "the authors' rule (tools/torch-fixtures/schedule_free.py)"})
    with open(OUT, "w") as f:
        f.write("[\n")
        for n, case in enumerate(out):
            rows = case.pop("rows")
            head = json.dumps(case, ensure_ascii=False)[:-1]
            f.write(head + ', "rows": [\n')
            f.write(",\n".join("  " + json.dumps(row) for row in rows))
            f.write("]}" + (",\n" if n < len(out) - 1 else "\n"))
        f.write("]\n")
    print(f"wrote {len(out)} cases to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
