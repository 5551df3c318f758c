#!/usr/bin/env python3
"""Reference trajectories for the optimizers whose authors' rule optax 0.2.8 does not reproduce.

LossLab's lion, adabelief, adan, yogi, lamb, prodigy and ademamix follow each method's authors
(their released code where there is one, else the paper). The optax 0.2.8 trajectories in
losslab-core/src/test/resources/fixtures/optax/optax-0.2.8-cases.json test them where optax and the
authors agree (with the options that make them agree); this script writes the rest: the authors'
rules, written out below step by step from their code, run in float64 on the catalog surfaces, into
losslab-core/src/test/resources/fixtures/optax/authors-cases.json, in the same format (see
/work/shared/reference/README.md; "flags" are LossLab's options, a bare flag as true).

    /usr/bin/python3 tools/torch-fixtures/modern.py

The rules follow (facts from each file, re-expressed here, not copied):
  lion       google/automl lion/lion_pytorch.py (Lion.step)
  adabelief  juntang-zhuang/Adabelief-Optimizer adabelief_pytorch 0.2.1 (AdaBelief.step)
  adan       sail-sg/Adan adan.py (_single_tensor_adan)
  yogi       tensorflow/addons optimizers/yogi.py (Yogi._resource_apply_dense), Algorithm 2 of the paper
  lamb       You et al. 2020, Algorithm 2 (LAMB), with the paper's scaling function φ
  prodigy    konstmish/prodigy prodigyopt/prodigy.py (Prodigy.step)
  ademamix   apple/ml-ademamix pytorch/ademamix.py (AdEMAMix.step and its warm-up schedulers)

It also checks its reading of optax: for the two optax cases LossLab cannot reproduce (adan and
yogi), optax's own rule written out here must give the optax file's trajectory, and the authors'
rule must not; the gap between them is printed. The gradients are the closed forms of LossLab's
catalog surfaces in the same operation order, so the Java test feeds both rules the same numbers.
"""

import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "losslab-core", "src", "test", "resources", "fixtures", "optax")
OPTAX = os.path.join(FIXTURES, "optax-0.2.8-cases.json")
OUT = os.path.join(FIXTURES, "authors-cases.json")


# ---- the catalog surfaces (Rosenbrock.java, Quadratic.java, Himmelblau.java), value and gradient ----

def rosenbrock(a, b):
    def f(x, y):
        ax = a - x
        w = y - x * x
        bw = b * w
        return ax * ax + bw * w, [-2 * ax - 4 * bw * x, 2 * bw]
    return f


def quadratic(a, b):
    def f(x, y):
        return 0.5 * a * x * x + 0.5 * b * y * y, [a * x, b * y]
    return f


def himmelblau(x, y):
    u = x * x + y - 11
    v = x + y * y - 7
    return u * u + v * v, [4 * x * u + 2 * v, 2 * u + 4 * y * v]


SURFACES = {
    "bowl": quadratic(1.0, 10.0),
    "ravine": rosenbrock(1.0, 20.0),
    "rosenbrock": rosenbrock(1.0, 100.0),
    "himmelblau": himmelblau,
}


def sign(v):
    return (v > 0) - (v < 0)


def norm(v):
    return math.sqrt(sum(c * c for c in v))


# ---- the authors' rules: each a class with step(theta, g, lr) that updates theta in place ----

class Lion:
    def __init__(self, beta1=0.9, beta2=0.99, weight_decay=0.0):
        self.b1, self.b2, self.wd = beta1, beta2, weight_decay
        self.m = None

    def step(self, p, g, lr):
        if self.m is None:
            self.m = [0.0] * len(p)
        for i in range(len(p)):
            p[i] *= 1 - lr * self.wd                       # decoupled decay first
            c = self.m[i] * self.b1 + g[i] * (1 - self.b1)
            p[i] += -lr * sign(c)
            self.m[i] = self.m[i] * self.b2 + (1 - self.b2) * g[i]


class AdaBelief:
    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-16, weight_decay=0.0, amsgrad=False,
                 rectify=True, degenerated_to_sgd=True):
        self.b1, self.b2, self.eps, self.wd = beta1, beta2, eps, weight_decay
        self.amsgrad, self.rectify, self.degenerated = amsgrad, rectify, degenerated_to_sgd
        self.t = 0
        self.m = self.s = self.s_max = None

    def step(self, p, g, lr):
        n = len(p)
        if self.m is None:
            self.m, self.s, self.s_max = [0.0] * n, [0.0] * n, [0.0] * n
        for i in range(n):
            p[i] *= 1.0 - lr * self.wd                     # weight_decouple=True, fixed_decay=False
        self.t += 1
        t, b1, b2, eps = self.t, self.b1, self.b2, self.eps
        bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
        denom = [0.0] * n
        for i in range(n):
            self.m[i] = self.m[i] * b1 + (1 - b1) * g[i]
            r = g[i] - self.m[i]
            self.s[i] = self.s[i] * b2 + (1 - b2) * r * r
            self.s[i] += eps                               # eps joins the state itself
            if self.amsgrad:
                self.s_max[i] = max(self.s_max[i], self.s[i])
                denom[i] = math.sqrt(self.s_max[i]) / math.sqrt(bc2) + eps
            else:
                denom[i] = math.sqrt(self.s[i]) / math.sqrt(bc2) + eps
        if not self.rectify:
            for i in range(n):
                p[i] += -(lr / bc1) * (self.m[i] / denom[i])
            return
        b2t = b2 ** t
        rho_inf = 2 / (1 - b2) - 1
        rho = rho_inf - 2 * t * b2t / (1 - b2t)
        if rho >= 5:
            size = math.sqrt((1 - b2t) * (rho - 4) / (rho_inf - 4) * (rho - 2) / rho * rho_inf / (rho_inf - 2)) / bc1
            for i in range(n):                             # the rectified step ignores amsgrad's max
                p[i] += -size * lr * (self.m[i] / (math.sqrt(self.s[i]) + eps))
        elif self.degenerated:
            size = 1.0 / bc1
            for i in range(n):
                p[i] += -size * lr * self.m[i]


class Adan:
    def __init__(self, beta1=0.98, beta2=0.92, beta3=0.99, eps=1e-8, weight_decay=0.0, max_grad_norm=0.0,
                 no_prox=False):
        self.b1, self.b2, self.b3, self.eps = beta1, beta2, beta3, eps
        self.wd, self.max_norm, self.no_prox = weight_decay, max_grad_norm, no_prox
        self.t = 0
        self.m = self.d = self.n = self.prev = None

    def step(self, p, g, lr):
        size = len(p)
        clip = 1.0
        if self.max_norm > 0:
            clip = min(self.max_norm / (norm(g) + self.eps), 1.0)
        g = [c * clip for c in g]
        self.t += 1
        if self.m is None:
            self.m, self.d, self.n = [0.0] * size, [0.0] * size, [0.0] * size
        if self.t == 1:
            self.prev = list(g)                            # no difference on the first step
        b1, b2, b3, t = self.b1, self.b2, self.b3, self.t
        bc1, bc2, bc3 = 1 - b1 ** t, 1 - b2 ** t, 1 - b3 ** t
        for i in range(size):
            diff = g[i] - self.prev[i]
            self.m[i] = self.m[i] * b1 + (1 - b1) * g[i]
            self.d[i] = self.d[i] * b2 + (1 - b2) * diff
            z = g[i] + b2 * diff                           # β₂, not 1 − β₂, weighs the difference
            self.n[i] = self.n[i] * b3 + (1 - b3) * z * z
            denom = math.sqrt(self.n[i]) / math.sqrt(bc3) + self.eps
            if self.no_prox:
                p[i] *= 1 - lr * self.wd
            p[i] += -(lr / bc1) * (self.m[i] / denom)
            p[i] += -(lr * b2 / bc2) * (self.d[i] / denom)
            if not self.no_prox:
                p[i] /= 1 + lr * self.wd
            self.prev[i] = g[i]


class Yogi:
    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-3, l1_regularization_strength=0.0,
                 l2_regularization_strength=0.0, initial_accumulator_value=1e-6):
        self.b1, self.b2, self.eps = beta1, beta2, eps
        self.l1, self.l2, self.v0 = l1_regularization_strength, l2_regularization_strength, initial_accumulator_value
        self.t = 0
        self.m = self.v = None

    def step(self, p, g, lr):
        n = len(p)
        if self.m is None:
            self.m, self.v = [0.0] * n, [self.v0] * n      # m from 0, v from the initial value
        self.t += 1
        b1, b2, t = self.b1, self.b2, self.t
        lr_t = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        for i in range(n):
            self.m[i] = self.m[i] * b1 + g[i] * (1 - b1)
            g2 = g[i] * g[i]
            self.v[i] += (1 - b2) * sign(g2 - self.v[i]) * g2
            per_coord = lr_t / (math.sqrt(self.v[i]) + self.eps)
            q = p[i] - per_coord * self.m[i]
            if self.l1 > 0:                                # proximal step for l1 (and l2)
                c = self.l1 * per_coord
                q = (c * sign(-q) + q) / (1 + self.l2 * per_coord) if abs(q) > c else 0.0
            elif self.l2 > 0:
                q = q / (1 + self.l2 * per_coord)
            p[i] = q


class Lamb:
    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0, gamma_l=0.0, gamma_u=0.0):
        self.b1, self.b2, self.eps, self.wd = beta1, beta2, eps, weight_decay
        self.gamma_l, self.gamma_u = gamma_l, gamma_u      # gamma_u 0: no upper bound
        self.t = 0
        self.m = self.v = None

    def step(self, p, g, lr):
        n = len(p)
        if self.m is None:
            self.m, self.v = [0.0] * n, [0.0] * n
        self.t += 1
        b1, b2, t = self.b1, self.b2, self.t
        u = [0.0] * n
        for i in range(n):
            self.m[i] = b1 * self.m[i] + (1 - b1) * g[i]
            self.v[i] = b2 * self.v[i] + (1 - b2) * g[i] * g[i]
            r = (self.m[i] / (1 - b1 ** t)) / (math.sqrt(self.v[i] / (1 - b2 ** t)) + self.eps)
            u[i] = r + self.wd * p[i]
        phi = max(norm(p), self.gamma_l)
        if self.gamma_u > 0:
            phi = min(phi, self.gamma_u)
        u_norm = norm(u)
        ratio = phi / u_norm if u_norm > 0 else 0.0        # u = 0: nothing to scale
        for i in range(n):
            p[i] -= lr * ratio * u[i]


class Prodigy:
    def __init__(self, beta1=0.9, beta2=0.999, beta3=None, eps=1e-8, weight_decay=0.0,
                 use_bias_correction=False, safeguard_warmup=False, d0=1e-6, d_coef=1.0):
        self.b1, self.b2 = beta1, beta2
        self.b3 = math.sqrt(beta2) if beta3 is None else beta3
        self.eps, self.wd, self.bias_correction, self.safeguard = eps, weight_decay, use_bias_correction, safeguard_warmup
        self.d0, self.d, self.d_max, self.d_coef = d0, d0, d0, d_coef
        self.numerator = 0.0
        self.k = 0
        self.p0 = self.m = self.v = self.s = None

    def step(self, p, g, lr):
        n = len(p)
        if self.m is None:
            self.p0, self.m, self.v, self.s = list(p), [0.0] * n, [0.0] * n, [0.0] * n
        b1, b2, b3, d, d0 = self.b1, self.b2, self.b3, self.d, self.d0
        bc = ((1 - b2 ** (self.k + 1)) ** 0.5) / (1 - b1 ** (self.k + 1)) if self.bias_correction else 1
        dlr = d * lr * bc
        numerator = self.numerator * b3
        numerator += (d / d0) * dlr * sum(g[i] * (self.p0[i] - p[i]) for i in range(n))
        denominator = 0.0
        for i in range(n):
            self.m[i] = self.m[i] * b1 + d * (1 - b1) * g[i]
            self.v[i] = self.v[i] * b2 + d * d * (1 - b2) * g[i] * g[i]
            self.s[i] = self.s[i] * b3 + ((d / d0) * d if self.safeguard else (d / d0) * dlr) * g[i]
            denominator += abs(self.s[i])
        if denominator == 0:
            return                                         # no gradient yet: no step, no count
        d_hat = self.d_coef * numerator / denominator
        if d == d0:
            d = max(d, d_hat)
        self.d_max = max(self.d_max, d_hat)
        d = self.d_max                                     # min(d_max, d·growth_rate), growth rate ∞
        self.numerator, self.d = numerator, d
        for i in range(n):
            denom = math.sqrt(self.v[i]) + d * self.eps
            if self.wd != 0:
                p[i] += p[i] * (-self.wd * dlr)
            p[i] += -dlr * (self.m[i] / denom)
        self.k += 1


def alpha_warmup(step, alpha, warmup):
    if step < warmup:
        a = step / float(warmup)
        return (1.0 - a) * 0.0 + a * alpha
    return alpha


def beta3_warmup(step, beta_end, beta_start, warmup):
    def half_life(beta, eps=1e-8):
        return math.log(0.5) / math.log(beta + eps) - 1

    if step < warmup:
        a = step / float(warmup)
        return math.pow(0.5, 1 / ((1.0 - a) * half_life(beta_start) + a * half_life(beta_end) + 1))
    return beta_end


class AdEMAMix:
    def __init__(self, beta1=0.9, beta2=0.999, beta3=0.9999, alpha=2.0, beta3_warmup=0, alpha_warmup=0, eps=1e-8,
                 weight_decay=0.0):
        self.b1, self.b2, self.b3, self.alpha = beta1, beta2, beta3, alpha
        self.b3_warmup, self.alpha_warmup, self.eps, self.wd = beta3_warmup, alpha_warmup, eps, weight_decay
        self.t = 0
        self.m1 = self.m2 = self.v = None

    def step(self, p, g, lr):
        n = len(p)
        if self.m1 is None:
            self.m1, self.m2, self.v = [0.0] * n, [0.0] * n, [0.0] * n
        self.t += 1
        t, b1, b2 = self.t, self.b1, self.b2
        bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
        alpha = alpha_warmup(t, self.alpha, self.alpha_warmup) if self.alpha_warmup else self.alpha
        b3 = beta3_warmup(t, self.b3, b1, self.b3_warmup) if self.b3_warmup else self.b3
        for i in range(n):
            self.m1[i] = self.m1[i] * b1 + (1 - b1) * g[i]
            self.m2[i] = self.m2[i] * b3 + (1 - b3) * g[i]
            self.v[i] = self.v[i] * b2 + (1 - b2) * g[i] * g[i]
            denom = math.sqrt(self.v[i]) / math.sqrt(bc2) + self.eps
            update = (self.m1[i] / bc1 + alpha * self.m2[i]) / denom + self.wd * p[i]
            p[i] += -lr * update


# ---- optax 0.2.8's own rules for the two cases LossLab cannot reproduce ----

class OptaxAdan:
    """optax.adan: scale_by_adan (with eps_root), add_decayed_weights, scale_by_learning_rate."""

    def __init__(self, b1=0.98, b2=0.92, b3=0.99, eps=1e-8, eps_root=1e-8):
        self.b1, self.b2, self.b3, self.eps, self.eps_root = b1, b2, b3, eps, eps_root
        self.t = 0
        self.m = self.v = self.n = self.prev = None

    def step(self, p, g, lr):
        size = len(p)
        if self.m is None:
            self.m, self.v, self.n, self.prev = [0.0] * size, [0.0] * size, [0.0] * size, [0.0] * size
        b1, b2, b3 = self.b1, self.b2, self.b3
        first = self.t == 0
        self.t += 1
        t = self.t
        for i in range(size):
            diff = 0.0 if first else g[i] - self.prev[i]
            self.m[i] = (1 - b1) * g[i] + b1 * self.m[i]
            self.v[i] = (1 - b2) * diff + b2 * self.v[i]
            z = g[i] + (1 - b2) * diff
            self.n[i] = (1 - b3) * z * z + b3 * self.n[i]
            u = self.m[i] / (1 - b1 ** t) + (1 - b2) * (self.v[i] / (1 - b2 ** t))
            u /= math.sqrt(self.n[i] / (1 - b3 ** t) + self.eps_root) + self.eps
            p[i] += -lr * u
            self.prev[i] = g[i]


class OptaxYogi:
    """optax.yogi: scale_by_yogi (both moments start at initial_accumulator_value), then lr."""

    def __init__(self, b1=0.9, b2=0.999, eps=1e-3, initial_accumulator_value=1e-6):
        self.b1, self.b2, self.eps, self.v0 = b1, b2, eps, initial_accumulator_value
        self.t = 0
        self.m = self.v = None

    def step(self, p, g, lr):
        n = len(p)
        if self.m is None:
            self.m, self.v = [self.v0] * n, [self.v0] * n
        self.t += 1
        b1, b2, t = self.b1, self.b2, self.t
        for i in range(n):
            self.m[i] = (1 - b1) * g[i] + b1 * self.m[i]
            g2 = g[i] * g[i]
            self.v[i] = self.v[i] - (1 - b2) * sign(self.v[i] - g2) * g2
            u = (self.m[i] / (1 - b1 ** t)) / (math.sqrt(self.v[i] / (1 - b2 ** t)) + self.eps)
            p[i] += -lr * u


# ---- runs ----

def run(surface, start, steps, lr, optimizer):
    f = SURFACES[surface]
    p = list(start)
    loss, g = f(*p)
    rows = [[0, p[0], p[1], loss]]
    for k in range(1, steps + 1):
        optimizer.step(p, g, lr)
        loss, g = f(*p)
        assert all(math.isfinite(c) and abs(c) < 1e6 for c in p), (surface, k, p)
        rows.append([k, p[0], p[1], loss])
    return rows


# LossLab's flags for the reference's switches that are on by default.
NEGATED = {"no-rectify": "rectify", "no-degenerated-to-sgd": "degenerated_to_sgd"}


def kwargs_of(flags):
    """LossLab's options as the rule's keyword arguments (a-b: a_b; no-rectify: rectify=False)."""
    kwargs = {}
    for name, value in flags.items():
        if name == "lr":
            continue
        if name in NEGATED:
            kwargs[NEGATED[name]] = False
        else:
            kwargs[name.replace("-", "_")] = value
    return kwargs


RULES = {"lion": Lion, "adabelief": AdaBelief, "adan": Adan, "yogi": Yogi, "lamb": Lamb, "prodigy": Prodigy,
         "ademamix": AdEMAMix}

# (surface, optimizer, LossLab flags, start, steps, why)
CASES = [
    ("ravine", "adan", {"lr": 0.01}, [-1.5, 2.0], 300,
     "the optax case, authors' rule: β₂ (not 1 − β₂) weighs the gradient difference, no eps inside the root"),
    ("himmelblau", "yogi", {"lr": 0.05}, [0.0, 0.0], 300,
     "the optax case, authors' rule: m starts at 0, ε on the uncorrected √v"),
    ("himmelblau", "adan", {"lr": 0.05, "weight-decay": 0.02, "max-grad-norm": 5.0}, [0.5, -1.0], 200,
     "proximal weight decay, gradients clipped to norm 5"),
    ("himmelblau", "adan", {"lr": 0.05, "weight-decay": 0.02, "no-prox": True, "beta1": 0.9, "beta2": 0.8,
                            "beta3": 0.95, "eps": 1e-4}, [0.5, -1.0], 200,
     "decoupled weight decay, other betas"),
    ("himmelblau", "yogi", {"lr": 0.1, "l1-regularization-strength": 0.01, "l2-regularization-strength": 0.05,
                            "initial-accumulator-value": 1e-3}, [0.5, -1.0], 200,
     "l1 and l2 proximal steps"),
    ("rosenbrock", "yogi", {"lr": 0.02, "beta1": 0.0, "l2-regularization-strength": 0.1, "eps": 1e-2},
     [-1.5, 2.0], 200, "no momentum, l2 only"),
    ("rosenbrock", "adabelief", {"lr": 0.01}, [-1.5, 2.0], 300,
     "the reference's defaults: rectified, SGD-like while the variance estimate is young"),
    ("himmelblau", "adabelief", {"lr": 0.05, "no-degenerated-to-sgd": True, "weight-decay": 0.05, "beta2": 0.99},
     [0.5, -1.0], 200, "rectified, no update until ρ ≥ 5, decoupled decay"),
    ("himmelblau", "adabelief", {"lr": 0.05, "no-rectify": True, "amsgrad": True, "eps": 1e-8, "beta1": 0.8},
     [0.5, -1.0], 200, "unrectified with amsgrad"),
    ("himmelblau", "lion", {"lr": 0.01, "weight-decay": 0.1, "beta1": 0.95, "beta2": 0.98}, [0.5, -1.0], 300,
     "decoupled weight decay, other betas"),
    ("himmelblau", "lamb", {"lr": 0.05}, [0.0, 0.0], 20,
     "at θ = 0, φ(‖θ‖) = 0: the paper's rule does not move"),
    ("himmelblau", "lamb", {"lr": 0.05, "weight-decay": 0.01, "gamma-l": 0.5, "gamma-u": 2.0, "eps": 1e-3},
     [0.5, -1.0], 200, "φ clamped to [0.5, 2]: the upper bound acts near the minimum (3, 2)"),
    ("bowl", "lamb", {"lr": 0.1, "gamma-l": 0.5, "beta1": 0.8}, [0.3, 0.2], 100,
     "φ bounded below by 0.5: steps of lr·0.5 near the origin"),
    ("ravine", "prodigy", {"lr": 1.0}, [-1.5, 2.0], 300,
     "the reference's defaults: no bias correction"),
    ("himmelblau", "prodigy", {"lr": 0.5, "safeguard-warmup": True, "weight-decay": 0.01, "d-coef": 0.5,
                               "beta3": 0.9, "d0": 1e-4, "use-bias-correction": True}, [0.5, -1.0], 200,
     "safeguarded warm-up, decoupled decay, bias correction"),
    ("ravine", "ademamix", {"lr": 0.01}, [-1.5, 2.0], 300, "the reference's defaults: α = 2"),
    ("himmelblau", "ademamix", {"lr": 0.05, "alpha": 5.0, "alpha-warmup": 50, "beta3": 0.999,
                                "beta3-warmup": 100, "weight-decay": 0.1}, [0.5, -1.0], 200,
     "α and β₃ warmed up, weight decay"),
]


def check_optax_reading():
    """optax's rule, as read above, gives the optax file's trajectory; the authors' rule does not."""
    with open(OPTAX) as f:
        cases = {c["optimizer"]: c for c in json.load(f)}
    for name, optax_rule in (("adan", OptaxAdan()), ("yogi", OptaxYogi())):
        case = cases[name]
        mine = run(case["surface"], case["start"], case["steps"], case["flags"]["lr"], optax_rule)
        authors = run(case["surface"], case["start"], case["steps"], case["flags"]["lr"], RULES[name]())
        reading = max(abs(a - b) / max(1, abs(b)) for r, s in zip(mine, case["rows"]) for a, b in zip(r[1:3], s[1:3]))
        gap = max(abs(a - b) for r, s in zip(authors, case["rows"]) for a, b in zip(r[1:3], s[1:3]))
        assert reading < 1e-9, (name, reading)
        print(f"{name}: optax's rule as read here matches optax to {reading:.2g}; the authors' rule is up to "
              f"{gap:.3g} away")


def main():
    check_optax_reading()
    out = []
    for surface, name, flags, start, steps, why in CASES:
        rows = run(surface, start, steps, flags["lr"], RULES[name](**kwargs_of(flags)))
        out.append({"surface": surface, "optimizer": name, "flags": flags, "start": start, "steps": steps,
                    "columns": ["step", "x", "y", "loss"], "rows": rows, "note": why,
                    "reference": "the authors' rule (tools/torch-fixtures/modern.py)"})
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
