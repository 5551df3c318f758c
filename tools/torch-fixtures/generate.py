#!/usr/bin/env python3
"""Reference trajectories from torch.optim, for LossLab's optimizer tests.

Runs each optimizer setting below for STEPS updates (LONG_STEPS for the long ones) on small 2-D
surfaces, in float64, and writes one CSV per run to losslab-core/src/test/resources/fixtures/torch/.
The Java test (TorchFixtureTest) replays every file through RunBuilder and compares the points.

Run it from the repository root with Debian's torch (python3-torch):

    /usr/bin/python3 tools/torch-fixtures/generate.py

Each file starts with comment lines: a human summary of the torch call, then one line
"# run: key=value ..." that the Java test reads (LossLab names: optimizer, surface, start, lr,
params, schedule). Rows are "step,x,y,lr": the point after `step` updates and the learning rate of
the update that produced it (row 0: the base lr), as LossLab's Trajectory records them. ASGD's rows
add "ax_x,ax_y", torch's averaged point state['ax'] after that update (0 at row 0), which LossLab
reports as the internal vector "ax".

NAdam runs with foreach=True: torch 1.13's single-tensor NAdam divides its momentum term by
1 - mu_product*mu*mu_next, one mu too many (fixed in torch 2.0, whose rule LossLab follows); 1.13's
foreach kernel already has the corrected 1 - mu_product*mu_next. Every other run is foreach=False
(1.13's foreach RAdam, for one, leaves out eps).

Gradients: each surface's gradient is written out in closed form with the same operation order as
the Java test surfaces, and handed to the optimizer as p.grad; autograd's gradient is checked
against it at every step (to 1e-9 relative), so the fixtures test the update rules, not how two
programs round a derivative.
"""

import math
import os
import sys
import warnings

import torch

STEPS = 50
OUT = os.path.join("losslab-core", "src", "test", "resources", "fixtures", "torch")


# ---- surfaces: f in torch (for the autograd check) and the closed-form gradient in plain floats ----

def quadratic_f(p):
    return 0.5 * p[0] ** 2 + 5.0 * p[1] ** 2


def quadratic_g(x, y):
    # Quadratic(1, 10): (a·x, b·y)
    return 1.0 * x, 10.0 * y


def rosenbrock_f(p):
    return (1.0 - p[0]) ** 2 + 100.0 * (p[1] - p[0] ** 2) ** 2


def rosenbrock_g(x, y):
    r = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r


def ravine_f(p):
    return (1.0 - p[0]) ** 2 + 20.0 * (p[1] - p[0] ** 2) ** 2


def ravine_g(x, y):
    # The catalog's ravine, Rosenbrock(1, 20)
    r = y - x * x
    return -2.0 * (1.0 - x) - 80.0 * x * r, 40.0 * r


def himmelblau_f(p):
    return (p[0] ** 2 + p[1] - 11.0) ** 2 + (p[0] + p[1] ** 2 - 7.0) ** 2


def himmelblau_g(x, y):
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


SURFACES = {
    # name: (f, gradient, start)
    "quadratic": (quadratic_f, quadratic_g, (-3.5, 2.5)),
    "rosenbrock": (rosenbrock_f, rosenbrock_g, (-1.5, 2.0)),
    "himmelblau": (himmelblau_f, himmelblau_g, (0.5, -1.0)),
    "ravine": (ravine_f, ravine_g, (-1.5, 2.0)),
}
BASIC = ["quadratic", "rosenbrock", "himmelblau"]
CURVED = ["himmelblau", "rosenbrock", "ravine"]
LONG_STEPS = 300

# Learning rates per surface and optimizer family: small enough that no run diverges in 50 steps,
# large enough that every run moves a lot (so a wrong rule shows). No run may be chaotic either:
# well_conditioned() checks that moving the start by one ulp moves no point by more than 1e-12
# relative (NAdam at lr 0.05 on the ravine, or Adadelta at rho 0.9 on Rosenbrock, amplify an ulp to
# 1e-1 and 1e-3 over 300 steps: no tolerance could tell a wrong rule from rounding there).
LR = {
    "gd": {"quadratic": 0.05, "rosenbrock": 2e-4, "himmelblau": 0.005, "ravine": 0.004},
    "adaptive": {"quadratic": 0.1, "rosenbrock": 0.02, "himmelblau": 0.1, "ravine": 0.03},
    "adagrad": {"quadratic": 0.5, "rosenbrock": 0.2, "himmelblau": 0.5, "ravine": 0.5},
    # Adadelta sizes its own steps: lr 1, its default, everywhere.
    "one": {"quadratic": 1.0, "rosenbrock": 1.0, "himmelblau": 1.0, "ravine": 1.0},
    # Ascending f runs away from the minimum; small steps keep 50 of them in bounds.
    "rprop-max": {"quadratic": 0.01, "rosenbrock": 1e-3, "himmelblau": 0.01},
}

# ---- settings: LossLab name and params, the torch class and kwargs, the lr family ----
# (name of the fixture, LossLab optimizer, LossLab params, torch class, torch kwargs, lr family)
OPTIMIZERS = [
    ("gd", "gd", {}, torch.optim.SGD, {}, "gd"),
    ("gd-wd", "gd", {"weight-decay": 0.1}, torch.optim.SGD, {"weight_decay": 0.1}, "gd"),
    ("momentum", "momentum", {}, torch.optim.SGD, {"momentum": 0.9}, "gd"),
    ("momentum-dampening", "momentum", {"momentum": 0.8, "dampening": 0.3, "weight-decay": 0.05},
     torch.optim.SGD, {"momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05}, "gd"),
    ("nesterov", "nesterov", {}, torch.optim.SGD, {"momentum": 0.9, "nesterov": True}, "gd"),
    ("nesterov-wd", "nesterov", {"momentum": 0.7, "weight-decay": 0.1},
     torch.optim.SGD, {"momentum": 0.7, "nesterov": True, "weight_decay": 0.1}, "gd"),
    ("rmsprop", "rmsprop", {}, torch.optim.RMSprop, {}, "adaptive"),
    ("rmsprop-centered-momentum", "rmsprop", {"centered": 1, "momentum": 0.5, "alpha": 0.9},
     torch.optim.RMSprop, {"centered": True, "momentum": 0.5, "alpha": 0.9}, "adaptive"),
    ("rmsprop-wd-eps", "rmsprop", {"weight-decay": 0.1, "eps": 1e-3},
     torch.optim.RMSprop, {"weight_decay": 0.1, "eps": 1e-3}, "adaptive"),
    ("adagrad", "adagrad", {}, torch.optim.Adagrad, {}, "adagrad"),
    ("adagrad-lr-decay", "adagrad", {"lr-decay": 0.05, "weight-decay": 0.01},
     torch.optim.Adagrad, {"lr_decay": 0.05, "weight_decay": 0.01}, "adagrad"),
    ("rprop", "rprop", {}, torch.optim.Rprop, {}, "adaptive"),
    ("rprop-etas-sizes-maximize", "rprop", {"etas": (0.3, 1.5), "step-sizes": (1e-3, 0.4), "maximize": 1},
     torch.optim.Rprop, {"etas": (0.3, 1.5), "step_sizes": (1e-3, 0.4), "maximize": True}, "rprop-max"),
    ("adam", "adam", {}, torch.optim.Adam, {}, "adaptive"),
    ("adam-amsgrad", "adam", {"amsgrad": 1, "beta1": 0.8, "beta2": 0.99},
     torch.optim.Adam, {"amsgrad": True, "betas": (0.8, 0.99)}, "adaptive"),
    ("adam-wd-eps", "adam", {"weight-decay": 0.1, "eps": 1e-2},
     torch.optim.Adam, {"weight_decay": 0.1, "eps": 1e-2}, "adaptive"),
    ("adamw", "adamw", {}, torch.optim.AdamW, {}, "adaptive"),
    ("adamw-amsgrad", "adamw", {"amsgrad": 1, "weight-decay": 0.2},
     torch.optim.AdamW, {"amsgrad": True, "weight_decay": 0.2}, "adaptive"),
]

# Longer or narrower settings: (name, LossLab optimizer, LossLab params, torch class, torch kwargs, lr
# family, surfaces, steps, foreach). The new rules on the three basic surfaces, long runs on curved
# ones, maximize on Himmelblau (climbing to its local maximum near (-0.27, -0.92), close to the
# start), and Adagrad's initial accumulator.
A, AD = torch.optim.Adam, torch.optim.Adadelta
MORE = [
    ("adadelta", "adadelta", {}, AD, {}, "one", BASIC, STEPS, False),
    ("adadelta-wd", "adadelta", {"rho": 0.8, "eps": 1e-5, "weight-decay": 0.1},
     AD, {"rho": 0.8, "eps": 1e-5, "weight_decay": 0.1}, "one", BASIC, STEPS, False),
    ("adadelta-long", "adadelta", {"rho": 0.98}, AD, {"rho": 0.98}, "one", CURVED, LONG_STEPS, False),
    ("adamax", "adamax", {}, torch.optim.Adamax, {}, "adaptive", BASIC, STEPS, False),
    ("adamax-wd", "adamax", {"beta1": 0.8, "beta2": 0.99, "eps": 1e-3, "weight-decay": 0.1},
     torch.optim.Adamax, {"betas": (0.8, 0.99), "eps": 1e-3, "weight_decay": 0.1}, "adaptive", BASIC, STEPS, False),
    ("adamax-long", "adamax", {}, torch.optim.Adamax, {}, "adaptive", CURVED, LONG_STEPS, False),
    ("nadam", "nadam", {}, torch.optim.NAdam, {}, "adaptive", BASIC, STEPS, True),
    ("nadam-wd", "nadam", {"beta1": 0.8, "beta2": 0.99, "weight-decay": 0.1, "momentum-decay": 0.05},
     torch.optim.NAdam, {"betas": (0.8, 0.99), "weight_decay": 0.1, "momentum_decay": 0.05},
     "adaptive", BASIC, STEPS, True),
    ("nadam-long", "nadam", {}, torch.optim.NAdam, {}, "adaptive", CURVED, LONG_STEPS, True),
    ("radam", "radam", {}, torch.optim.RAdam, {}, "gd", BASIC, STEPS, False),
    ("radam-wd", "radam", {"beta1": 0.8, "beta2": 0.99, "eps": 1e-3, "weight-decay": 0.1},
     torch.optim.RAdam, {"betas": (0.8, 0.99), "eps": 1e-3, "weight_decay": 0.1}, "gd", BASIC, STEPS, False),
    ("radam-long", "radam", {"beta2": 0.99}, torch.optim.RAdam, {"betas": (0.9, 0.99)}, "gd", CURVED,
     LONG_STEPS, False),
    ("asgd", "asgd", {}, torch.optim.ASGD, {}, "gd", BASIC, STEPS, False),
    ("asgd-averaged", "asgd", {"lambd": 0.5, "alpha": 0.5, "t0": 10, "weight-decay": 0.05},
     torch.optim.ASGD, {"lambd": 0.5, "alpha": 0.5, "t0": 10, "weight_decay": 0.05}, "gd", BASIC, STEPS, False),
    ("asgd-long", "asgd", {"lambd": 0.1, "t0": 100}, torch.optim.ASGD, {"lambd": 0.1, "t0": 100}, "gd", CURVED,
     LONG_STEPS, False),
    ("adagrad-initial-accumulator", "adagrad", {"initial-accumulator-value": 0.5, "lr-decay": 0.01},
     torch.optim.Adagrad, {"initial_accumulator_value": 0.5, "lr_decay": 0.01}, "adagrad", BASIC, STEPS, False),
    ("gd-maximize", "gd", {"maximize": 1, "weight-decay": 0.1},
     torch.optim.SGD, {"maximize": True, "weight_decay": 0.1}, "gd", ["himmelblau"], STEPS, False),
    ("momentum-maximize", "momentum", {"maximize": 1, "dampening": 0.1},
     torch.optim.SGD, {"momentum": 0.9, "dampening": 0.1, "maximize": True}, "gd", ["himmelblau"], STEPS, False),
    ("nesterov-maximize", "nesterov", {"maximize": 1},
     torch.optim.SGD, {"momentum": 0.9, "nesterov": True, "maximize": True}, "gd", ["himmelblau"], STEPS, False),
    ("rmsprop-maximize", "rmsprop", {"maximize": 1, "centered": 1, "momentum": 0.5, "weight-decay": 0.1},
     torch.optim.RMSprop, {"maximize": True, "centered": True, "momentum": 0.5, "weight_decay": 0.1},
     "adaptive", ["himmelblau"], STEPS, False),
    ("adagrad-maximize", "adagrad", {"maximize": 1, "weight-decay": 0.1},
     torch.optim.Adagrad, {"maximize": True, "weight_decay": 0.1}, "adagrad", ["himmelblau"], STEPS, False),
    ("adam-maximize", "adam", {"maximize": 1, "weight-decay": 0.1},
     A, {"maximize": True, "weight_decay": 0.1}, "adaptive", ["himmelblau"], LONG_STEPS, False),
    ("adam-maximize-amsgrad", "adam", {"maximize": 1, "amsgrad": 1},
     A, {"maximize": True, "amsgrad": True}, "adaptive", ["himmelblau"], STEPS, False),
    ("adamw-maximize", "adamw", {"maximize": 1, "weight-decay": 0.2},
     torch.optim.AdamW, {"maximize": True, "weight_decay": 0.2}, "adaptive", ["himmelblau"], STEPS, False),
    ("adadelta-maximize", "adadelta", {"maximize": 1, "weight-decay": 0.1},
     AD, {"maximize": True, "weight_decay": 0.1}, "one", ["himmelblau"], STEPS, False),
    ("adamax-maximize", "adamax", {"maximize": 1, "weight-decay": 0.1},
     torch.optim.Adamax, {"maximize": True, "weight_decay": 0.1}, "adaptive", ["himmelblau"], STEPS, False),
    ("asgd-maximize", "asgd", {"maximize": 1, "weight-decay": 0.1, "t0": 5},
     torch.optim.ASGD, {"maximize": True, "weight_decay": 0.1, "t0": 5}, "gd", ["himmelblau"], STEPS, False),
]

# Schedules, each with plain gradient descent: (fixture name, LossLab schedule and params, factory
# [, steps when not STEPS]).
SCHEDULES = [
    # Plateaus: a 30 % improvement per update counts (rel), or 0.05 (abs), so 50 updates reduce often.
    ("plateau-rel", "reduce-on-plateau", {"factor": 0.5, "patience": 2, "threshold": 0.3},
     lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=2, threshold=0.3)),
    ("plateau-abs-cooldown", "reduce-on-plateau",
     {"factor": 0.3, "patience": 1, "threshold": 0.05, "threshold-mode": "abs", "cooldown": 3, "min-lr": 1e-4},
     lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, factor=0.3, patience=1, threshold=0.05,
                                                          threshold_mode="abs", cooldown=3, min_lr=1e-4)),
    ("step", "step", {"step-size": 10, "gamma": 0.5},
     lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=10, gamma=0.5)),
    ("exponential", "exponential", {"gamma": 0.95},
     lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.95)),
    ("inverse-time", "inverse-time", {"tau": 10},
     lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda k: 1.0 / (1.0 + k / 10.0))),
    ("cosine", "cosine", {"t-max": 50},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=50)),
    ("multi-step", "multi-step", {"milestones": (5, 12, 30), "gamma": 0.5},
     lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[5, 12, 30], gamma=0.5)),
    # t-max below the run length: PyTorch's cosine climbs back up after T_max.
    ("cosine-restart", "cosine", {"t-max": 20, "eta-min": 0.001},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=20, eta_min=0.001)),
    # LinearLR: its defaults (1/3, 1, 5), a decay, a decay to 0, and total-iters 0 and 1, where its
    # recursion keeps lr·start_factor (0) or jumps to lr·end_factor after one update (1).
    ("linear", "linear", {},
     lambda o: torch.optim.lr_scheduler.LinearLR(o)),
    ("linear-decay", "linear", {"start-factor": 1.0, "end-factor": 0.1, "total-iters": 30},
     lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=30)),
    ("linear-to-zero", "linear", {"start-factor": 0.5, "end-factor": 0.0, "total-iters": 20},
     lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.5, end_factor=0.0, total_iters=20)),
    ("linear-total-0", "linear", {"start-factor": 0.25, "total-iters": 0},
     lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=0)),
    ("linear-total-1", "linear", {"start-factor": 0.5, "total-iters": 1},
     lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.5, total_iters=1)),
    # PolynomialLR: defaults (5, 1), powers 2 and 0.5, total-iters 0 (lr kept) and 1, and a long run.
    ("polynomial", "polynomial", {},
     lambda o: torch.optim.lr_scheduler.PolynomialLR(o)),
    ("polynomial-square", "polynomial", {"total-iters": 40, "power": 2.0},
     lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=40, power=2.0)),
    ("polynomial-root", "polynomial", {"total-iters": 30, "power": 0.5},
     lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=30, power=0.5)),
    ("polynomial-total-0", "polynomial", {"total-iters": 0},
     lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=0)),
    ("polynomial-total-1", "polynomial", {"total-iters": 1, "power": 3.0},
     lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=1, power=3.0)),
    ("polynomial-long", "polynomial", {"total-iters": 250, "power": 1.5},
     lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=250, power=1.5), 300),
    # CosineAnnealingWarmRestarts stepped without an epoch: T_mult 1, 2 and 3, T_0 1 (a restart
    # every update: lr throughout), and LossLab's default T_0 (100; torch has none) past 2 restarts.
    ("cosine-warm-restarts", "cosine-warm-restarts", {"t-0": 10},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=10)),
    ("cosine-warm-restarts-mult-2", "cosine-warm-restarts", {"t-0": 5, "t-mult": 2, "eta-min": 0.001},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.001)),
    ("cosine-warm-restarts-mult-3", "cosine-warm-restarts", {"t-0": 2, "t-mult": 3},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=3)),
    ("cosine-warm-restarts-t-0-1", "cosine-warm-restarts", {"t-0": 1},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=1)),
    ("cosine-warm-restarts-default", "cosine-warm-restarts", {},
     lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=100), 300),
    # SequentialLR([LinearLR(s, 1, W), CosineAnnealingLR(T_max, eta_min)], milestones=[W]): LossLab's
    # defaults (W 5, s 1/3, t-max 0 = steps − W), past T_max, W = 1, W = 0 (its quirk: the first two
    # updates at lr·s, then a cosine from lr·s one update late, from lr after its first bottom), and
    # a long run over several arcs, where the recursion's rounding has longest to grow.
    ("warmup-cosine", "warmup-cosine", {"warmup-steps": 10, "start-factor": 0.1, "t-max": 30},
     lambda o: warmup_cosine(o, 10, 0.1, 30)),
    ("warmup-cosine-defaults", "warmup-cosine", {},
     lambda o: warmup_cosine(o, 5, 1.0 / 3, STEPS - 5)),
    ("warmup-cosine-past-t-max", "warmup-cosine", {"warmup-steps": 5, "start-factor": 0.5, "t-max": 10, "eta-min": 0.002},
     lambda o: warmup_cosine(o, 5, 0.5, 10, 0.002)),
    ("warmup-cosine-warmup-1", "warmup-cosine", {"warmup-steps": 1, "start-factor": 0.2, "t-max": 20},
     lambda o: warmup_cosine(o, 1, 0.2, 20)),
    ("warmup-cosine-warmup-0", "warmup-cosine", {"warmup-steps": 0, "start-factor": 0.5, "t-max": 12, "eta-min": 0.001},
     lambda o: warmup_cosine(o, 0, 0.5, 12, 0.001)),
    ("warmup-cosine-long", "warmup-cosine", {"warmup-steps": 20, "start-factor": 0.25, "t-max": 40},
     lambda o: warmup_cosine(o, 20, 0.25, 40), 300),
]
SCHEDULE_SURFACES = ["quadratic", "himmelblau"]

# Schedules that cycle momentum: (fixture name, LossLab optimizer and params, torch class and kwargs, lr
# family, LossLab schedule and params, factory(optimizer, the run's lr)). Plain gd gets momentum from
# the schedule, as torch's SGD does (its param group always has 'momentum').
_LR = torch.optim.lr_scheduler
CYCLING = [
    ("one-cycle-gd", "gd", {}, torch.optim.SGD, {}, "gd", "one-cycle", {},
     lambda o, lr: _LR.OneCycleLR(o, max_lr=lr, total_steps=STEPS)),
    ("one-cycle-linear-three-phase", "momentum", {"dampening": 0.1}, torch.optim.SGD,
     {"momentum": 0.9, "dampening": 0.1}, "gd", "one-cycle",
     {"anneal-strategy": "linear", "three-phase": 1, "pct-start": 0.25, "div-factor": 10, "final-div-factor": 100,
      "base-momentum": 0.5, "max-momentum": 0.8},
     lambda o, lr: _LR.OneCycleLR(o, max_lr=lr, total_steps=STEPS, anneal_strategy="linear", three_phase=True,
                                  pct_start=0.25, div_factor=10, final_div_factor=100, base_momentum=0.5,
                                  max_momentum=0.8)),
    ("one-cycle-adam", "adam", {}, torch.optim.Adam, {}, "adaptive", "one-cycle", {"max-lr": 0.2, "total-steps": 80},
     lambda o, lr: _LR.OneCycleLR(o, max_lr=0.2, total_steps=80)),
    ("one-cycle-rmsprop-no-momentum", "rmsprop", {}, torch.optim.RMSprop, {}, "adaptive", "one-cycle",
     {"no-cycle-momentum": 1}, lambda o, lr: _LR.OneCycleLR(o, max_lr=lr, total_steps=STEPS, cycle_momentum=False)),
    ("cyclic-gd", "gd", {}, torch.optim.SGD, {}, "gd", "cyclic", {"step-size-up": 7},
     lambda o, lr: _LR.CyclicLR(o, base_lr=lr / 4, max_lr=lr, step_size_up=7)),
    ("cyclic-triangular2-nesterov", "nesterov", {}, torch.optim.SGD, {"momentum": 0.9, "nesterov": True}, "gd",
     "cyclic", {"base-lr": 0.001, "step-size-up": 5, "step-size-down": 8, "mode": "triangular2"},
     lambda o, lr: _LR.CyclicLR(o, base_lr=0.001, max_lr=lr, step_size_up=5, step_size_down=8,
                                mode="triangular2")),
    ("cyclic-exp-range-rmsprop", "rmsprop", {"momentum": 0.3}, torch.optim.RMSprop, {"momentum": 0.3}, "adaptive",
     "cyclic", {"step-size-up": 6, "mode": "exp-range", "gamma": 0.97, "base-momentum": 0.6, "max-momentum": 0.7},
     lambda o, lr: _LR.CyclicLR(o, base_lr=lr / 4, max_lr=lr, step_size_up=6, mode="exp_range", gamma=0.97,
                                base_momentum=0.6, max_momentum=0.7)),
    # torch 1.13's CyclicLR cycles only 'momentum': Adam without cycling here (with it, MomentumCyclingTest).
    ("cyclic-adam-no-momentum", "adam", {}, torch.optim.Adam, {}, "adaptive", "cyclic",
     {"step-size-up": 4, "no-cycle-momentum": 1},
     lambda o, lr: _LR.CyclicLR(o, base_lr=lr / 4, max_lr=lr, step_size_up=4, cycle_momentum=False)),
]


def warmup_cosine(o, warmup, start_factor, t_max, eta_min=0.0):
    """LossLab's warmup-cosine as PyTorch users write it."""
    lr_scheduler = torch.optim.lr_scheduler
    return lr_scheduler.SequentialLR(o, [lr_scheduler.LinearLR(o, start_factor=start_factor, end_factor=1.0,
                                                                total_iters=warmup),
                                         lr_scheduler.CosineAnnealingLR(o, T_max=t_max, eta_min=eta_min)],
                                     milestones=[warmup])


def run(surface, make_optimizer, lr, make_scheduler=None, steps=STEPS, start=None):
    f, grad, default_start = SURFACES[surface]
    start = start or default_start
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = make_optimizer([p], lr)
    sched = make_scheduler(opt) if make_scheduler else None
    averaged = isinstance(opt, torch.optim.ASGD)
    rows = [(0, start[0], start[1], lr) + ((0.0, 0.0) if averaged else ())]
    for k in range(1, steps + 1):
        x, y = p[0].item(), p[1].item()
        gx, gy = grad(x, y)
        opt.zero_grad()
        f(p).backward()
        auto = p.grad.tolist()
        for a, b in zip(auto, (gx, gy)):
            assert abs(a - b) <= 1e-9 * max(1.0, abs(b)), (surface, k, auto, (gx, gy))
        used_lr = opt.param_groups[0]["lr"]
        with torch.no_grad():
            p.grad.copy_(torch.tensor([gx, gy], dtype=torch.float64))
        opt.step()
        if isinstance(sched, torch.optim.lr_scheduler.ReduceLROnPlateau):
            # LossLab steps it with the full loss at the point each update reached.
            with torch.no_grad():
                sched.step(f(p).item())
        elif sched:
            sched.step()
        x, y = p[0].item(), p[1].item()
        assert math.isfinite(x) and math.isfinite(y) and abs(x) < 1e6 and abs(y) < 1e6, (surface, k, x, y)
        extra = tuple(opt.state[p]["ax"].tolist()) if averaged else ()
        rows.append((k, x, y, used_lr) + extra)
    return rows


def well_conditioned(rows, surface, make_optimizer, lr, make_scheduler=None, steps=STEPS):
    """Asserts that the run from a start one ulp away stays within 1e-12 of the fixture's."""
    x0, y0 = SURFACES[surface][2]
    moved = run(surface, make_optimizer, lr, make_scheduler, steps, (x0 + math.ulp(x0), y0))
    worst = max(abs(a[i] - b[i]) / max(1.0, abs(a[i])) for a, b in zip(rows, moved) for i in (1, 2))
    assert worst <= 1e-12, (surface, lr, worst)


def write(name, surface, summary, run_line, rows, foreach=False):
    path = os.path.join(OUT, f"{name}--{surface}.csv")
    with open(path, "w") as out:
        out.write(f"# torch {torch.__version__}, float64, foreach={foreach}: {summary}\n")
        out.write(f"# run: {run_line}\n")
        out.write("step,x,y,lr" + (",ax_x,ax_y" if len(rows[0]) > 4 else "") + "\n")
        for row in rows:
            out.write(",".join(str(row[0]) if i == 0 else repr(v) for i, v in enumerate(row)) + "\n")


def params_text(params):
    """name:value;… with a tuple as its numbers comma-separated, as the CLI takes it (--etas=0.3,1.5)."""
    def text(v):
        if isinstance(v, tuple):
            return ",".join(repr(e) for e in v)
        return v if isinstance(v, str) else repr(v)
    return ";".join(f"{k}:{text(v)}" for k, v in params.items()) or "-"


# ---- L-BFGS: one row per call of opt.step(closure) ----
#
# torch.optim.LBFGS evaluates the surface itself, many times per call, and compares values of f, so
# its closure hands torch f in the Java test surfaces' operation order (JAVA_F) as well as their
# gradient; autograd checks both. A row is the point after a call, with the closure calls so far
# as "f_evals,g_evals" (the closure evaluates f and ∇f together): torch's state['func_evals'] plus
# one, the call the next step begins with at this very point, which LossLab's engine counts when it
# reaches the point (row 0: 1). A run that stops moving ends the file: torch returns without moving
# when the gradient test passes at a call's start, or leaves the call when g·d > -tolerance_change
# on its first iteration; every later call would repeat the same nothing, and LossLab stops such a
# run as "converged" ("end=converged" in the run line). The generator checks that no other call
# leaves the point where it was.

def java_f(surface, x, y):
    """f as FixtureSurfaces computes it, operation for operation."""
    if surface == "quadratic":
        return 0.5 * 1.0 * x * x + 0.5 * 10.0 * y * y
    if surface in ("rosenbrock", "ravine"):
        r = y - x * x
        return (1 - x) * (1 - x) + (100 if surface == "rosenbrock" else 20) * r * r
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return a * a + b * b


# (fixture name, LossLab params, torch kwargs, lr per surface). The lrs keep each run well
# conditioned (an ulp at the start moves no point by 1e-12; see lbfgs_well_conditioned): L-BFGS
# amplifies rounding through its curvature pairs, fast on Rosenbrock's valley.
LBFGS = [
    ("lbfgs", {}, {}, {"quadratic": 0.1, "rosenbrock": 0.25, "himmelblau": 1.0, "ravine": 0.5}),
    ("lbfgs-max-iter-1", {"max-iter": 1}, {"max_iter": 1},
     {"quadratic": 0.5, "rosenbrock": 0.25, "himmelblau": 1.0, "ravine": 0.25}),
    ("lbfgs-max-iter-3", {"max-iter": 3}, {"max_iter": 3},
     {"quadratic": 0.5, "himmelblau": 0.25, "ravine": 0.25}),
    ("lbfgs-history-2", {"history-size": 2, "max-iter": 5}, {"history_size": 2, "max_iter": 5},
     {"quadratic": 0.5, "himmelblau": 0.25}),
    ("lbfgs-strong-wolfe", {"line-search": "strong-wolfe"}, {"line_search_fn": "strong_wolfe"},
     {"quadratic": 0.25, "rosenbrock": 1.0, "himmelblau": 0.1, "ravine": 0.5}),
    ("lbfgs-strong-wolfe-max-iter-1", {"line-search": "strong-wolfe", "max-iter": 1},
     {"line_search_fn": "strong_wolfe", "max_iter": 1},
     {"quadratic": 0.5, "rosenbrock": 0.1, "himmelblau": 0.5, "ravine": 0.5}),
    ("lbfgs-strong-wolfe-max-eval", {"line-search": "strong-wolfe", "max-eval": 4},
     {"line_search_fn": "strong_wolfe", "max_eval": 4},
     {"quadratic": 0.5, "rosenbrock": 0.1, "himmelblau": 1.0, "ravine": 0.5}),
    ("lbfgs-tolerance-change", {"tolerance-change": 1e-3}, {"tolerance_change": 1e-3},
     {"quadratic": 0.1, "rosenbrock": 0.25, "himmelblau": 1.0, "ravine": 0.25}),
]
LBFGS_STEPS = 50
# N-D: two copies of a surface summed, one point of four coordinates laid out as LossLab's
# ShapesTest.Copies lays them out (x0, x1, y0, y1): (name, LossLab params, torch kwargs, surface,
# start, lr). Unlike the elementwise rules, L-BFGS couples the copies (its dot products and 1/Σ|g|
# span every coordinate), so each is a 4-D problem of its own.
LBFGS_ND = [
    ("lbfgs", {}, {}, "himmelblau", (0.5, -3.0, -1.0, 1.5), 0.25),
    ("lbfgs-max-iter-1", {"max-iter": 1}, {"max_iter": 1}, "rosenbrock", (-1.2, -0.5, 1.0, 0.8), 0.25),
    ("lbfgs-strong-wolfe", {"line-search": "strong-wolfe"}, {"line_search_fn": "strong_wolfe"},
     "ravine", (-1.2, -0.5, 1.0, 0.8), 0.5),
    ("lbfgs-strong-wolfe-max-iter-1", {"line-search": "strong-wolfe", "max-iter": 1},
     {"line_search_fn": "strong_wolfe", "max_iter": 1}, "himmelblau", (0.5, -3.0, -1.0, 1.5), 0.5),
]
ND_OUT = os.path.join(OUT, "nd")


def lbfgs_run(surface, kwargs, lr, start, steps=LBFGS_STEPS):
    """Rows (step, θ…, lr, f_evals, g_evals) of torch's L-BFGS from start, and how the run ends."""
    f, grad, _ = SURFACES[surface]
    k = len(start) // 2
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([p], lr=lr, **kwargs)
    tolerance_change = kwargs.get("tolerance_change", 1e-9)

    def closure():
        opt.zero_grad()
        loss = sum(f(p[[c, k + c]]) for c in range(k))
        loss.backward()
        theta = p.detach().tolist()
        closed = [0.0] * (2 * k)
        value = 0.0
        for c in range(k):
            x, y = theta[c], theta[k + c]
            closed[c], closed[k + c] = grad(x, y)
            value += java_f(surface, x, y)
        for a, b in zip(p.grad.tolist() + [loss.item()], closed + [value]):
            assert abs(a - b) <= 1e-9 * max(1.0, abs(b)), (surface, theta, a, b)
        with torch.no_grad():
            p.grad.copy_(torch.tensor(closed, dtype=torch.float64))
        return value

    rows = [(0,) + tuple(start) + (lr, 1, 1)]
    for step in range(1, steps + 1):
        before = p.detach().tolist()
        iterations = opt.state[p].get("n_iter", 0)
        opt.step(closure)
        after = p.detach().tolist()
        state = opt.state[p]
        if after == before:
            # Either the gradient test at the start (no iteration) or the slope test on the first.
            if state["n_iter"] != iterations:
                assert state["n_iter"] == iterations + 1, (surface, step)
                g = p.grad.detach()
                assert g.dot(state["d"]) > -tolerance_change, (surface, step, "stopped for another reason")
            return rows, "converged"
        assert all(math.isfinite(v) and abs(v) < 1e6 for v in after), (surface, step, after)
        evaluations = state["func_evals"] + 1
        rows.append((step,) + tuple(after) + (lr, evaluations, evaluations))
    return rows, "max-steps"


def lbfgs_well_conditioned(rows, end, surface, kwargs, lr, start):
    """Asserts that the run from a start one ulp away ends alike and stays within 1e-12 of rows."""
    moved, moved_end = lbfgs_run(surface, kwargs, lr, (start[0] + math.ulp(start[0]),) + tuple(start[1:]))
    assert (len(moved), moved_end) == (len(rows), end), (surface, kwargs, lr, len(moved), len(rows), end)
    dimension = len(start)
    worst = max(abs(a[i] - b[i]) / max(1.0, abs(a[i])) for a, b in zip(rows, moved) for i in range(1, dimension + 1))
    assert worst <= 1e-12, (surface, kwargs, lr, worst)
    assert [r[-2:] for r in rows] == [r[-2:] for r in moved], (surface, kwargs, lr, "evaluation counts differ")


def write_lbfgs(directory, name, surface_file, surface_run, start, lr, kwargs, params, rows, end):
    dimension = len(start)
    path = os.path.join(directory, f"{name}--{surface_file}.csv")
    coordinates = "x,y" if dimension == 2 else ",".join(f"theta{d}" for d in range(dimension))
    with open(path, "w") as out:
        out.write(f"# torch {torch.__version__}, float64: LBFGS(lr={lr!r}, {kwargs}), one row per step(closure)\n")
        out.write(f"# run: optimizer=lbfgs surface={surface_run} start={','.join(repr(v) for v in start)} lr={lr!r} "
                  f"steps={LBFGS_STEPS} params={params_text(params)} schedule=constant schedule-params=- end={end}\n")
        out.write(f"step,{coordinates},lr,f_evals,g_evals\n")
        for row in rows:
            out.write(",".join(str(v) if i == 0 or i >= len(row) - 2 else repr(v) for i, v in enumerate(row)) + "\n")


def write_all_lbfgs():
    os.makedirs(ND_OUT, exist_ok=True)
    for old in os.listdir(ND_OUT):
        if old.endswith(".csv"):
            os.remove(os.path.join(ND_OUT, old))
    for name, params, kwargs, lrs in LBFGS:
        for surface, lr in lrs.items():
            start = SURFACES[surface][2]
            rows, end = lbfgs_run(surface, kwargs, lr, start)
            lbfgs_well_conditioned(rows, end, surface, kwargs, lr, start)
            write_lbfgs(OUT, name, surface, surface, start, lr, kwargs, params, rows, end)
    for name, params, kwargs, surface, start, lr in LBFGS_ND:
        rows, end = lbfgs_run(surface, kwargs, lr, start)
        lbfgs_well_conditioned(rows, end, surface, kwargs, lr, start)
        write_lbfgs(ND_OUT, name, surface + "-x2", surface + "*2", start, lr, kwargs, params, rows, end)


def main():
    torch.set_default_dtype(torch.float64)
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".csv"):
            os.remove(os.path.join(OUT, old))
    settings = [o + (BASIC, STEPS, False) for o in OPTIMIZERS] + MORE
    for name, losslab, params, cls, kwargs, family, surfaces, steps, foreach in settings:
        for surface in surfaces:
            lr = LR[family][surface]
            start = SURFACES[surface][2]
            make = lambda ps, lr, cls=cls, kwargs=kwargs, foreach=foreach: cls(ps, lr=lr, foreach=foreach, **kwargs)
            rows = run(surface, make, lr, steps=steps)
            well_conditioned(rows, surface, make, lr, steps=steps)
            write(name, surface, f"{cls.__name__}(lr={lr!r}, {kwargs})",
                  f"optimizer={losslab} surface={surface} start={start[0]!r},{start[1]!r} lr={lr!r} "
                  f"steps={steps} params={params_text(params)} schedule=constant schedule-params=-",
                  rows, foreach)
    for name, schedule, sparams, factory, *steps in SCHEDULES:
        steps = steps[0] if steps else STEPS
        for surface in SCHEDULE_SURFACES:
            lr = LR["gd"][surface]
            start = SURFACES[surface][2]
            make = lambda ps, lr: torch.optim.SGD(ps, lr=lr, foreach=False)
            with warnings.catch_warnings():
                # SequentialLR steps its second scheduler with an epoch at the milestone, which
                # torch 1.13 warns is deprecated; that call is the behaviour being recorded.
                warnings.simplefilter("ignore", UserWarning)
                rows = run(surface, make, lr, factory, steps)
                well_conditioned(rows, surface, make, lr, factory, steps)
            write("schedule-" + name, surface, f"SGD(lr={lr!r}) with {schedule} {sparams}",
                  f"optimizer=gd surface={surface} start={start[0]!r},{start[1]!r} lr={lr!r} "
                  f"steps={steps} params=- schedule={schedule} schedule-params={params_text(sparams)}",
                  rows)
    # ASGD under a schedule: its step size eta is computed at the end of each step from that step's
    # lr, so it lags the schedule by one step.
    for surface in SCHEDULE_SURFACES:
        lr = LR["gd"][surface]
        start = SURFACES[surface][2]
        make = lambda ps, lr: torch.optim.ASGD(ps, lr=lr, lambd=0.1, t0=20, foreach=False)
        factory = lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=10, gamma=0.5)
        rows = run(surface, make, lr, factory)
        well_conditioned(rows, surface, make, lr, factory)
        write("schedule-step-asgd", surface, f"ASGD(lr={lr!r}, lambd=0.1, t0=20) with step {{'step-size': 10, 'gamma': 0.5}}",
              f"optimizer=asgd surface={surface} start={start[0]!r},{start[1]!r} lr={lr!r} "
              f"steps={STEPS} params=lambd:0.1;t0:20 schedule=step schedule-params=step-size:10;gamma:0.5",
              rows)
    # Schedules that cycle momentum (μ, or β₁ for the Adam family) besides lr, with the optimizer each
    # drives; LossLab's max-lr 0 is the run's lr and cyclic's base-lr 0 a quarter of max-lr.
    lr_scheduler = torch.optim.lr_scheduler
    for name, losslab, params, cls, kwargs, family, schedule, sparams, factory in CYCLING:
        for surface in SCHEDULE_SURFACES:
            lr = LR[family][surface]
            start = SURFACES[surface][2]
            make = lambda ps, lr, cls=cls, kwargs=kwargs: cls(ps, lr=lr, foreach=False, **kwargs)
            sched = lambda o, lr=lr, factory=factory: factory(o, lr)
            rows = run(surface, make, lr, sched)
            well_conditioned(rows, surface, make, lr, sched)
            write("schedule-" + name, surface, f"{cls.__name__}(lr={lr!r}, {kwargs}) with {schedule} {sparams}",
                  f"optimizer={losslab} surface={surface} start={start[0]!r},{start[1]!r} lr={lr!r} "
                  f"steps={STEPS} params={params_text(params)} schedule={schedule} schedule-params={params_text(sparams)}",
                  rows)
    write_all_lbfgs()
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT) if n.endswith(".csv"))
    print(f"wrote {len(os.listdir(OUT))} files, {total} bytes, to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
