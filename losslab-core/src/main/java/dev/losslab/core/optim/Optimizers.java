package dev.losslab.core.optim;

import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.ADAPTIVE;
import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.GRADIENT;
import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.NESTEROV;
import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.ONE;
import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.RECTIFIED;

import dev.losslab.core.Registry;
import java.util.List;
import java.util.Optional;

/**
 * Every optimizer LossLab offers, by name: the one registry the CLI, the web API and the README
 * read. Names, defaults and ranges are PyTorch's (torch 1.13.1's {@code torch.optim}) unless an
 * entry's class says otherwise; lr's default comes from the landscape (see
 * {@link OptimizerKind.LearningRateDefault}). Each update rule's full statement is in its class.
 */
public final class Optimizers {

    private static final Param WEIGHT_DECAY =
            Param.real("weight-decay", "λ", 0, Range.atLeast(0), "L2 penalty λ added to the gradient as λ·θ");
    private static final Param DAMPENING =
            Param.real("dampening", "τ", 0, Range.atLeast(0), "dampening τ of the momentum buffer");
    private static final Param EPS_1E_8 =
            Param.real("eps", "ε", 1e-8, Range.atLeast(0), "ε added to the denominator, outside the square root");
    private static final Param MAXIMIZE =
            Param.flag("maximize", "climb f instead of descending it: the rule sees −∇f (PyTorch's maximize)");
    private static final Param DECOUPLED_WEIGHT_DECAY = Param.flag("decoupled-weight-decay",
            "decay θ ← θ·(1 − lr·λ) before the step instead of adding λ·θ to the gradient (as AdamW)");
    private static final Param BETA1 =
            Param.real("beta1", "β₁", 0.9, Range.closedOpen(0, 1), "decay β₁ of the gradient average m");
    private static final Param BETA2 =
            Param.real("beta2", "β₂", 0.999, Range.closedOpen(0, 1), "decay β₂ of the squared-gradient average v");

    private static final Param GTOL = Param.real("gtol", "gtol", 1e-5, Range.atLeast(0),
            "stop when every gradient component is at most gtol in size (SciPy's norm=inf test)");
    private static final Param C1 = Param.real("c1", "c₁", 1e-4, Range.open(0, 1),
            "sufficient-decrease constant c₁ of the line search (0 < c₁ < c₂ < 1 where c₂ applies)");

    private static final List<Param> ADAM_PARAMS = adamParams(0);
    private static final List<Param> ADAMW_PARAMS = adamParams(0.01);

    private static final Registry<OptimizerKind> REGISTRY = new Registry<>("optimizer", OptimizerKind::name);

    static {
        add(new OptimizerKind("gd", "Gradient descent",
                "θ ← θ − lr·∇f(θ)",
                List.of(WEIGHT_DECAY, MAXIMIZE), GRADIENT, 0,
                s -> new Sgd(0, 0, false, s.real("weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("sgd", "Stochastic gradient descent (noisy gradients)",
                "θ ← θ − lr·(∇f(θ) + σ·ξ),  ξ ~ N(0, I) drawn afresh each step (σ: --noise, default 1)",
                List.of(WEIGHT_DECAY, MAXIMIZE), GRADIENT, 1.0,
                s -> new Sgd(0, 0, false, s.real("weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("momentum", "SGD with momentum",
                "b ← μ·b + (1 − τ)·∇f(θ)  (b₁ = ∇f(θ₀));  θ ← θ − lr·b",
                List.of(Param.real("momentum", "μ", 0.9, Range.atLeast(0), "momentum factor μ"), DAMPENING, WEIGHT_DECAY,
                        MAXIMIZE),
                GRADIENT, 0,
                s -> new Sgd(s.real("momentum"), s.real("dampening"), false, s.real("weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("nesterov", "SGD with Nesterov momentum",
                "b ← μ·b + (1 − τ)·g  (b₁ = g);  θ ← θ − lr·(g + μ·b)",
                List.of(Param.real("momentum", "μ", 0.9, Range.above(0), "momentum factor μ"),
                        Param.real("dampening", "τ", 0, Range.closed(0, 0), "dampening τ: PyTorch allows only 0 with Nesterov"),
                        WEIGHT_DECAY, MAXIMIZE),
                NESTEROV, 0,
                s -> new Sgd(s.real("momentum"), s.real("dampening"), true, s.real("weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("rmsprop", "RMSProp",
                "v ← α·v + (1 − α)·g²;  θ ← θ − lr·g / (√v + ε)  (centered: √(v − a²) with a ← α·a + (1 − α)·g; "
                        + "momentum: b ← μ·b + g/(√v + ε), θ ← θ − lr·b)",
                List.of(Param.real("alpha", "α", 0.99, Range.closed(0, 1), "smoothing constant α of the squared-gradient average"),
                        EPS_1E_8,
                        Param.real("momentum", "μ", 0, Range.atLeast(0), "momentum factor μ"),
                        Param.flag("centered", "divide by the gradient's estimated standard deviation instead of its RMS"),
                        WEIGHT_DECAY, MAXIMIZE),
                ADAPTIVE, 0,
                s -> new RmsProp(s.real("alpha"), s.real("eps"), s.real("weight-decay"), s.real("momentum"),
                        s.flag("centered"), s.flag("maximize"))));
        add(new OptimizerKind("adagrad", "Adagrad",
                "s ← s + g²  (s₀ given);  θ ← θ − lr/(1 + (t − 1)·η) · g / (√s + ε)",
                List.of(Param.real("lr-decay", "η", 0, Range.atLeast(0), "learning-rate decay η"),
                        Param.real("eps", "ε", 1e-10, Range.atLeast(0), "ε added to the denominator, outside the square root"),
                        WEIGHT_DECAY,
                        Param.real("initial-accumulator-value", "s₀", 0, Range.atLeast(0),
                                "starting value s₀ of the sum of squared gradients s"),
                        MAXIMIZE),
                ADAPTIVE, 0,
                s -> new Adagrad(s.real("lr-decay"), s.real("eps"), s.real("weight-decay"),
                        s.real("initial-accumulator-value"), s.flag("maximize"))));
        add(new OptimizerKind("rprop", "Rprop (resilient backpropagation)",
                "Δ ← Δ·η₊ where g keeps its sign, Δ·η₋ where it flips (and skip that step), Δ₀ = lr, "
                        + "clamped to [Δ_min, Δ_max];  θ ← θ − sign(g)·Δ",
                List.of(Param.pair("etas", "η₋,η₊", 0.5, 1.2, Range.above(0),
                                "step-size factors (η₋, η₊) when g's sign flips or stays, 0 < η₋ < 1 < η₊"),
                        Param.pair("step-sizes", "Δ_min,Δ_max", 1e-6, 50, Range.atLeast(0),
                                "the smallest and largest step sizes (Δ_min, Δ_max)"),
                        MAXIMIZE),
                ADAPTIVE, 0,
                s -> {
                    double[] etas = s.numbers("etas");
                    double[] sizes = s.numbers("step-sizes");
                    return new Rprop(etas[0], etas[1], sizes[0], sizes[1], s.flag("maximize"));
                }));
        add(new OptimizerKind("adam", "Adam",
                "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)",
                ADAM_PARAMS, ADAPTIVE, 0,
                s -> adam(s, false)));
        add(new OptimizerKind("adamw", "AdamW (decoupled weight decay)",
                "θ ← θ·(1 − lr·λ);  m ← β₁·m + (1 − β₁)·∇f;  v ← β₂·v + (1 − β₂)·∇f²;  "
                        + "θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)",
                ADAMW_PARAMS, ADAPTIVE, 0,
                s -> adam(s, true)));
        // torch.optim's other rules (each class names the torch version it follows), one block.
        add(new OptimizerKind("adadelta", "Adadelta",
                "v ← ρ·v + (1 − ρ)·g²;  δ ← √(u + ε)/√(v + ε) · g;  u ← ρ·u + (1 − ρ)·δ²;  θ ← θ − lr·δ",
                List.of(Param.real("rho", "ρ", 0.9, Range.closed(0, 1), "decay ρ of the averages of g² and of δ²"),
                        Param.real("eps", "ε", 1e-6, Range.atLeast(0), "ε added inside both square roots"),
                        WEIGHT_DECAY, MAXIMIZE),
                // δ already has θ's units, sized by the method: lr multiplies it, 1 as in the paper and PyTorch.
                ONE, 0,
                s -> new Adadelta(s.real("rho"), s.real("eps"), s.real("weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("adamax", "Adamax (Adam with the infinity norm)",
                "m ← β₁·m + (1 − β₁)·g;  u ← max(β₂·u, |g| + ε);  θ ← θ − lr/(1 − β₁ᵗ) · m / u",
                List.of(BETA1,
                        Param.real("beta2", "β₂", 0.999, Range.closedOpen(0, 1), "decay β₂ of the gradient's running maximum u"),
                        Param.real("eps", "ε", 1e-8, Range.atLeast(0), "ε added to |g| inside the maximum"),
                        WEIGHT_DECAY, MAXIMIZE),
                ADAPTIVE, 0,
                s -> new Adamax(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"),
                        s.flag("maximize"))));
        add(new OptimizerKind("nadam", "NAdam (Adam with Nesterov momentum)",
                "μ_t ← β₁·(1 − ½·0.96^(t·ψ));  Π_t ← Π_{t−1}·μ_t;  m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  "
                        + "d ← √(v/(1 − β₂ᵗ)) + ε;  θ ← θ − lr·(1 − μ_t)/(1 − Π_t) · g/d − lr·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/d",
                List.of(BETA1, BETA2, EPS_1E_8, WEIGHT_DECAY,
                        Param.real("momentum-decay", "ψ", 4e-3, Range.atLeast(0),
                                "momentum decay ψ: μ_t climbs from β₁/2 towards β₁ as 0.96^(t·ψ) dies out"),
                        DECOUPLED_WEIGHT_DECAY, MAXIMIZE),
                ADAPTIVE, 0,
                s -> new NAdam(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"),
                        s.real("momentum-decay"), s.flag("decoupled-weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("radam", "RAdam (rectified Adam)",
                "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  m̂ ← m/(1 − β₁ᵗ);  ρ_t ← ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ);  "
                        + "θ ← θ − lr·m̂·r_t·√(1 − β₂ᵗ)/(√v + ε) if ρ_t > 5, else θ ← θ − lr·m̂  "
                        + "(ρ∞ = 2/(1 − β₂) − 1, r_t = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)))",
                List.of(BETA1, BETA2, EPS_1E_8, WEIGHT_DECAY, DECOUPLED_WEIGHT_DECAY, MAXIMIZE),
                RECTIFIED, 0,
                s -> new RAdam(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"),
                        s.flag("decoupled-weight-decay"), s.flag("maximize"))));
        add(new OptimizerKind("asgd", "Averaged SGD",
                "θ ← θ·(1 − κ·η) − η·g;  θ̄ ← θ̄ + μ·(θ − θ̄);  then η ← lr/(1 + κ·lr·t)^α, μ ← 1/max(1, t − t₀)  "
                        + "(η₁ = lr, μ₁ = 1; the run shows θ, θ̄ is the averaged point)",
                List.of(Param.real("lambd", "κ", 1e-4, Range.atLeast(0),
                                "decay term κ (PyTorch's lambd): θ shrinks by κ·η and η decays as 1/(1 + κ·lr·t)^α"),
                        Param.real("alpha", "α", 0.75, Range.atLeast(0), "power α of the step size's decay"),
                        Param.real("t0", "t₀", 1e6, Range.atLeast(0), "step t₀ after which θ̄ averages the iterates"),
                        WEIGHT_DECAY, MAXIMIZE),
                // η is lr times a decay: a gradient step like SGD's, sized by the surface's lr.
                GRADIENT, 0,
                s -> new Asgd(s.real("lambd"), s.real("alpha"), s.real("t0"), s.real("weight-decay"),
                        s.flag("maximize"))));
        add(new OptimizerKind("adafactor", "Adafactor",
                "ρ_t ← min(lr, 1/√t);  θ ← θ·(1 − lr·λ);  v ← (1 − t^τ)·v + t^τ·g²;  U ← g/√max(v, ε₁²);  "
                        + "θ ← θ − max(ε₂, RMS(θ))·ρ_t / max(1, RMS(U)/d) · U  (RMS(θ) before the decay)",
                List.of(Param.real("beta2-decay", "τ", -0.8, Range.atMost(0),
                                "decay rate τ of β̂₂_t = 1 − t^τ, the squared-gradient average's weight"),
                        Param.real("d", "d", 1, Range.atLeast(1), "clipping threshold d of the update's RMS"),
                        Param.real("eps1", "ε₁", Adafactor.FLOAT64_EPS, Range.atLeast(0),
                                "floor ε₁ of √v in the denominator (PyTorch's eps[0]; default float64's machine epsilon)"),
                        Param.real("eps2", "ε₂", 1e-3, Range.atLeast(0),
                                "floor ε₂ of RMS(θ) in the step size (PyTorch's eps[1])"),
                        Param.real("weight-decay", "λ", 0, Range.atLeast(0),
                                "decoupled weight decay λ: θ ← θ·(1 − lr·λ) before each update"),
                        MAXIMIZE),
                // lr is a unit-free cap on the relative step ρ_t (a fraction of RMS(θ)), not a length
                // on the landscape, so a landscape lr would mean nothing to it. At 1 the cap never
                // binds (1/√t ≤ 1): Adafactor sizes its own steps, which is what ONE stands for. PyTorch's
                // 1e-2 (the paper's cap) creeps on the lab's landscapes; give --lr 0.01 to match it.
                ONE, 0,
                s -> new Adafactor(s.real("beta2-decay"), s.real("d"), s.real("eps1"), s.real("eps2"),
                        s.real("weight-decay"), s.flag("maximize"))));
        // L-BFGS (torch.optim.LBFGS): one LossLab step is one call of torch's step(closure).
        add(new OptimizerKind("lbfgs", "L-BFGS (limited-memory BFGS, PyTorch's)",
                "each step, up to max-iter times:  d = −H·∇f(θ), H from the last m pairs (s, y) by the two-loop recursion "
                        + "(H₀ = (y·s)/(y·y)·I; d = −∇f(θ) at first);  θ ← θ + t·d, t = lr (min(1, 1/‖∇f‖₁)·lr at first) "
                        + "or from a strong-Wolfe search;  s = t·d, y = ∇f's change, kept when y·s > 1e-10;  "
                        + "the step ends early on tolerance-grad, tolerance-change or max-eval",
                List.of(Param.count("max-iter", "max_iter", 20, Range.closed(1, Lbfgs.MAX_COUNT),
                                "iterations of L-BFGS per step, each with its own evaluations of f and ∇f"),
                        Param.count("max-eval", "max_eval", 0, Range.closed(0, Lbfgs.MAX_COUNT),
                                "evaluations of f and ∇f per step at most; 0 = ⌊max-iter·5/4⌋, as PyTorch"),
                        Param.real("tolerance-grad", "tolerance_grad", 1e-7, Range.atLeast(0),
                                "end the step when every gradient component is at most this in size (the run, at its start)"),
                        Param.real("tolerance-change", "tolerance_change", 1e-9, Range.atLeast(0),
                                "end the step when f or θ changes by less than this, or the slope along d is above −this"),
                        Param.count("history-size", "m", 100, Range.closed(1, Lbfgs.MAX_COUNT),
                                "the pairs (s, y) L-BFGS keeps: its memory of the curvature"),
                        Param.choice("line-search", "none", List.of("none", "strong-wolfe"),
                                "step length: lr as it is (none), or PyTorch's strong-Wolfe search from lr (c₁ 1e-4, c₂ 0.9)")),
                // lr multiplies a step the method sizes itself (H·∇f has θ's units); 1 is torch's default.
                ONE, 0,
                s -> new Lbfgs((int) s.real("max-iter"), (int) s.real("max-eval"), s.real("tolerance-grad"),
                        s.real("tolerance-change"), (int) s.real("history-size"), Lbfgs.LineSearch.of(s.choice("line-search")))));
        add(new OptimizerKind("newton", "Newton's method",
                "θ ← θ − lr·[∇²f(θ)]⁻¹·∇f(θ)  (stops where ∇²f is singular)",
                List.of(), ONE, 0,
                s -> new Newton(false)));
        add(new OptimizerKind("saddle-free-newton", "Saddle-free Newton (Dauphin et al. 2014)",
                "θ ← θ − lr·|∇²f(θ)|⁻¹·∇f(θ)  (|H|: eigenvalues replaced by their absolute values)",
                List.of(), ONE, 0,
                s -> new Newton(true)));
        // Classical methods (SciPy)
        add(new OptimizerKind("bfgs", "BFGS quasi-Newton (SciPy's)",
                "p = −H·∇f(θ);  θ ← θ + lr·α·p, α from a strong-Wolfe line search (c₁, c₂);  "
                        + "H ← (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ  (H₀ = I, s = θ's step, y = ∇f's change, ρ = 1/(y·s));  "
                        + "stops when max|∂f/∂θ| ≤ gtol",
                List.of(GTOL, C1, c2(0.9)), ONE, 0,
                s -> new Bfgs(s.real("gtol"), s.real("c1"), s.real("c2"))));
        add(new OptimizerKind("cg", "Nonlinear conjugate gradient, Polak–Ribière+ (SciPy's)",
                "p ← −∇f(θ) + β·p, β = max(0, (∇f − ∇f_prev)·∇f / ‖∇f_prev‖²)  (p₀ = −∇f(θ₀));  "
                        + "θ ← θ + lr·α·p, α from a strong-Wolfe line search (c₁, c₂);  stops when max|∂f/∂θ| ≤ gtol",
                List.of(GTOL, C1, c2(0.4)), ONE, 0,
                s -> new ConjugateGradient(s.real("gtol"), s.real("c1"), s.real("c2"))));
        add(new OptimizerKind("nelder-mead", "Nelder–Mead simplex, f only (SciPy's)",
                "a simplex of D + 1 points, from θ₀ and θ₀ with one coordinate scaled by 1 + 0.05·lr, reflected, "
                        + "expanded, contracted or shrunk using f alone;  θ = its best vertex;  "
                        + "stops when its vertices are within xatol of the best in θ and fatol in f",
                List.of(Param.real("xatol", "xatol", 1e-4, Range.atLeast(0),
                                "stop when every vertex is within xatol of the best in each coordinate (and fatol in f)"),
                        Param.real("fatol", "fatol", 1e-4, Range.atLeast(0),
                                "stop when every vertex's f is within fatol of the best's (and xatol in θ)"),
                        Param.flag("adaptive", "scale the simplex moves with the dimension (Gao and Han 2012)")),
                ONE, 0,
                s -> new NelderMead(s.real("xatol"), s.real("fatol"), s.flag("adaptive"))));
        add(new OptimizerKind("gd-armijo", "Gradient descent with Armijo backtracking",
                "α ← lr;  while f(θ − α·∇f(θ)) > f(θ) − c₁·α·‖∇f(θ)‖²:  α ← ρ·α;  θ ← θ − α·∇f(θ)",
                List.of(C1,
                        Param.real("shrink", "ρ", 0.5, Range.open(0, 1), "backtracking factor ρ: α ← ρ·α while f falls too little")),
                GRADIENT, 0,
                s -> new ArmijoDescent(s.real("c1"), s.real("shrink"))));

        // Newer rules, each from its authors' code or paper (checked against optax 0.2.8 where they
        // agree): their classes say where and how they depart from optax. Lion and the Adam-like rules
        // step about lr per coordinate (AdEMAMix up to (1 + α)·lr once its slow average fills), hence
        // the adaptive lr; LAMB's step is lr·‖θ‖ long, a relative step, on the same scale for points
        // a few units from the origin; Prodigy sizes its own step, so lr is a multiplier of 1. One
        // exception within the adaptive lr: AdaBelief's rectified warm-up (its authors' default) takes its
        // first steps in gradient units, lr·m̂, which can throw a run far on a steep surface (Rosenbrock
        // diverges from its default start); --no-rectify keeps every step about lr.
        add(new OptimizerKind("lion", "Lion (evolved sign momentum, Chen et al. 2023)",
                "θ ← θ·(1 − lr·λ);  θ ← θ − lr·sign(β₁·m + (1 − β₁)·g);  m ← β₂·m + (1 − β₂)·g",
                List.of(beta1(0.9), beta2(0.99), decoupledWeightDecay(0)),
                ADAPTIVE, 0,
                s -> new Lion(s.real("beta1"), s.real("beta2"), s.real("weight-decay"))));
        add(new OptimizerKind("adabelief", "AdaBelief (Zhuang et al. 2020)",
                "m ← β₁·m + (1 − β₁)·g;  s ← β₂·s + (1 − β₂)·(g − m)² + ε;  "
                        + "θ ← θ − lr/(1 − β₁ᵗ) · m / (√s / √(1 − β₂ᵗ) + ε)  "
                        + "(rectified as RAdam by default: SGD steps lr·m̂ while ρₜ is under 5, then lr·rₜ/(1 − β₁ᵗ) · m/(√s + ε))",
                List.of(beta1(0.9), beta2(0.999), eps(1e-16), decoupledWeightDecay(0),
                        Param.flag("amsgrad", "normalise by the running maximum of s (AMSGrad)"),
                        Param.flag("no-rectify", "AdaBelief without its RAdam-style rectification (the reference's rectify=False)"),
                        Param.flag("no-degenerated-to-sgd",
                                "AdaBelief: no step at all while the rectification term is undefined (degenerated_to_sgd=False)")),
                RECTIFIED, 0,
                s -> new AdaBelief(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"),
                        s.flag("amsgrad"), !s.flag("no-rectify"), !s.flag("no-degenerated-to-sgd"))));
        add(new OptimizerKind("adan", "Adan (adaptive Nesterov momentum, Xie et al. 2022)",
                "Δ ← g − g_prev;  m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·Δ;  n ← β₃·n + (1 − β₃)·(g + β₂·Δ)²;  "
                        + "θ ← (θ − lr·(m̂ + β₂·v̂) / (√n̂ + ε)) / (1 + lr·λ)  (hats: divided by 1 − βᵗ)",
                List.of(beta1(0.98), beta2(0.92), beta3(0.99), eps(1e-8),
                        Param.real("weight-decay", "λ", 0, Range.atLeast(0),
                                "weight decay λ: θ ← θ/(1 + lr·λ) after the step, or θ·(1 − lr·λ) before it with --no-prox"),
                        Param.real("max-grad-norm", "G", 0, Range.atLeast(0),
                                "clip each point's gradient to norm G before the update; 0 does not clip"),
                        Param.flag("no-prox", "Adan: decoupled weight decay θ·(1 − lr·λ) instead of the proximal θ/(1 + lr·λ)")),
                ADAPTIVE, 0,
                s -> new Adan(s.real("beta1"), s.real("beta2"), s.real("beta3"), s.real("eps"), s.real("weight-decay"),
                        s.real("max-grad-norm"), s.flag("no-prox"))));
        add(new OptimizerKind("yogi", "Yogi (Zaheer et al. 2018)",
                "m ← β₁·m + (1 − β₁)·g;  v ← v + (1 − β₂)·sign(g² − v)·g²;  θ ← θ − lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)",
                List.of(beta1(0.9), beta2(0.999), eps(1e-3),
                        Param.real("l1-regularization-strength", "λ₁", 0, Range.atLeast(0),
                                "l1 strength λ₁ of Yogi's proximal step (soft-thresholds θ)"),
                        Param.real("l2-regularization-strength", "λ₂", 0, Range.atLeast(0),
                                "l2 strength λ₂ of Yogi's proximal step (θ/(1 + λ₂·η))"),
                        Param.real("initial-accumulator-value", "v₀", 1e-6, Range.above(0), "the starting value v₀ of v")),
                ADAPTIVE, 0,
                s -> new Yogi(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("l1-regularization-strength"),
                        s.real("l2-regularization-strength"), s.real("initial-accumulator-value"))));
        add(new OptimizerKind("lamb", "LAMB (layer-wise adaptive moments, You et al. 2020)",
                "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  u ← m̂ / (√v̂ + ε) + λ·θ;  "
                        + "θ ← θ − lr·φ(‖θ‖)/‖u‖ · u,  φ(z) = min(max(z, γ_l), γ_u)  "
                        + "(hats: divided by 1 − βᵗ; γ_u = 0: no upper bound)",
                List.of(beta1(0.9), beta2(0.999), eps(1e-6),
                        Param.real("weight-decay", "λ", 0, Range.atLeast(0),
                                "weight decay λ added to LAMB's direction as λ·θ, before the trust ratio"),
                        Param.real("gamma-l", "γ_l", 0, Range.atLeast(0), "lower bound γ_l of LAMB's φ(‖θ‖)"),
                        Param.real("gamma-u", "γ_u", 0, Range.atLeast(0), "upper bound γ_u of LAMB's φ(‖θ‖); 0 for none")),
                ADAPTIVE, 0,
                s -> new Lamb(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"), s.real("gamma-l"),
                        s.real("gamma-u"))));
        add(new OptimizerKind("prodigy", "Prodigy (Mishchenko and Defazio 2023)",
                "η ← d·lr;  N ← β₃·N + (d/d₀)·η·⟨g, θ₀ − θ⟩;  s ← β₃·s + (d/d₀)·η·g;  m ← β₁·m + (1 − β₁)·d·g;  "
                        + "v ← β₂·v + (1 − β₂)·d²·g²;  d ← max(d, κ·N/‖s‖₁);  θ ← θ − λ·η·θ − η·m / (√v + d·ε)",
                List.of(beta1(0.9), beta2(0.999), beta3(Prodigy.DEFAULT_BETA3),
                        Param.real("eps", "ε", 1e-8, Range.above(0), "ε added to the denominator, outside the square root"),
                        Param.real("weight-decay", "λ", 0, Range.atLeast(0), "decoupled weight decay λ: θ ← θ − λ·d·lr·θ"),
                        Param.flag("use-bias-correction", "Prodigy: fold Adam's bias corrections into the step (off in the reference)"),
                        Param.flag("safeguard-warmup", "Prodigy: leave lr out of the estimate's denominator"),
                        Param.real("d0", "d₀", 1e-6, Range.above(0), "Prodigy's initial estimate d₀ of the distance to the solution"),
                        Param.real("d-coef", "κ", 1, Range.atLeast(0), "Prodigy's multiplier κ of each estimate of d")),
                ONE, 0,
                s -> new Prodigy(s.real("beta1"), s.real("beta2"), s.real("beta3"), s.real("eps"), s.real("weight-decay"),
                        s.flag("use-bias-correction"), s.flag("safeguard-warmup"), s.real("d0"), s.real("d-coef"))));
        add(new OptimizerKind("ademamix", "AdEMAMix (Pagliardini et al. 2024)",
                "m₁ ← β₁·m₁ + (1 − β₁)·g;  m₂ ← β₃·m₂ + (1 − β₃)·g;  v ← β₂·v + (1 − β₂)·g²;  "
                        + "θ ← θ − lr·((m₁/(1 − β₁ᵗ) + α·m₂) / (√v / √(1 − β₂ᵗ) + ε) + λ·θ)",
                List.of(beta1(0.9), beta2(0.999), beta3(0.9999),
                        Param.real("alpha", "α", 2, Range.atLeast(0), "AdEMAMix's weight α of the slow average"),
                        Param.real("beta3-warmup", "T_β₃", 0, Range.atLeast(0),
                                "AdEMAMix: steps over which β₃ rises from β₁ (in half-life); 0 for none"),
                        Param.real("alpha-warmup", "T_α", 0, Range.atLeast(0),
                                "AdEMAMix: steps over which α rises linearly from 0; 0 for none"),
                        eps(1e-8),
                        Param.real("weight-decay", "λ", 0, Range.atLeast(0), "weight decay λ: λ·θ added to the step, times lr")),
                ADAPTIVE, 0,
                s -> new AdEMAMix(s.real("beta1"), s.real("beta2"), s.real("beta3"), s.real("alpha"), s.real("beta3-warmup"),
                        s.real("alpha-warmup"), s.real("eps"), s.real("weight-decay"))));

        // Schedule-free rules (Defazio et al. 2024; the authors' schedulefree 1.3): the run shows the
        // average x, the point the authors evaluate, and takes each gradient at y between x and z
        // (Stepper.gradientPoints). AdamW's z steps are about lr per coordinate, SGD's lr·g, hence
        // their lr defaults.
        add(new OptimizerKind("schedule-free-adamw", "Schedule-free AdamW (Defazio et al. 2024)",
                "v ← β₂·v + (1 − β₂)·g²;  z ← z − γ·(g / (√(v/(1 − β₂ᵗ)) + ε) + λ·y);  x ← (1 − c)·x + c·z;  "
                        + "y ← β₁·x + (1 − β₁)·z  (g = ∇f(y); the run shows θ = x; γ = lr warmed up over W steps, "
                        + "c = t^r·γ_max^p / Σ of those)",
                concat(List.of(scheduleFreeBeta("beta1", "β₁"), beta2(0.999), eps(1e-8)), scheduleFreeParams()),
                ADAPTIVE, 0,
                s -> new ScheduleFreeAdamW(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"),
                        s.real("warmup-steps"), s.real("r"), s.real("weight-lr-power"))));
        add(new OptimizerKind("schedule-free-sgd", "Schedule-free SGD (Defazio et al. 2024)",
                "z ← z − γ·(g + λ·y);  x ← (1 − c)·x + c·z;  y ← β·x + (1 − β)·z  "
                        + "(g = ∇f(y); the run shows θ = x; γ = lr warmed up over W steps, c = t^r·γ_max^p / Σ of those)",
                concat(List.of(scheduleFreeBeta("momentum", "β")), scheduleFreeParams()),
                GRADIENT, 0,
                s -> new ScheduleFreeSgd(s.real("momentum"), s.real("weight-decay"), s.real("warmup-steps"), s.real("r"),
                        s.real("weight-lr-power"))));
    }

    private static List<Param> concat(List<Param> first, List<Param> then) {
        List<Param> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private static Param beta1(double defaultValue) {
        return Param.real("beta1", "β₁", defaultValue, Range.closedOpen(0, 1), "decay β₁ of the gradient average m");
    }

    private static Param beta2(double defaultValue) {
        return Param.real("beta2", "β₂", defaultValue, Range.closedOpen(0, 1), "decay β₂ of the squared-gradient average v");
    }

    private static Param beta3(double defaultValue) {
        return Param.real("beta3", "β₃", defaultValue, Range.closedOpen(0, 1),
                "decay β₃ of a third average (Adan: the squared term; Prodigy: the d estimate's sums; AdEMAMix: the slow m₂)");
    }

    private static Param eps(double defaultValue) {
        return Param.real("eps", "ε", defaultValue, Range.atLeast(0), "ε added to the denominator, outside the square root");
    }

    private static Param decoupledWeightDecay(double defaultValue) {
        return Param.real("weight-decay", "λ", defaultValue, Range.atLeast(0),
                "decoupled weight decay λ: θ ← θ·(1 − lr·λ) with each update");
    }

    /** y's interpolation β between the average x and z: the authors' momentum or β₁. */
    private static Param scheduleFreeBeta(String name, String symbol) {
        return Param.real(name, symbol, 0.9, Range.open(0, 1),
                "schedule-free interpolation " + symbol + ": the gradient is taken at y = " + symbol + "·x + (1 − "
                        + symbol + ")·z");
    }

    /** The schedule-free rules' options besides β, β₂ and ε, as the authors name them. */
    private static List<Param> scheduleFreeParams() {
        return List.of(
                Param.real("weight-decay", "λ", 0, Range.atLeast(0), "weight decay λ: λ·y added to z's step direction"),
                // The warmup-cosine schedule's option of the same name means the same: one CLI option serves both.
                Param.count("warmup-steps", "W", 0, Range.atLeast(0), "updates W of linear warm-up (schedule-free: lr·t/W "
                        + "at step t ≤ W; 0: none)"),
                Param.real("r", "r", 0, Range.atLeast(0), "power r of the schedule-free average's polynomial weights t^r"),
                Param.real("weight-lr-power", "p", 2, Range.atLeast(0),
                        "power p of the largest lr so far in the schedule-free average's weights (0: lr plays no part)"));
    }

    private Optimizers() {}

    private static List<Param> adamParams(double weightDecayDefault) {
        return List.of(
                BETA1,
                BETA2,
                EPS_1E_8,
                Param.flag("amsgrad", "normalise by the running maximum of v (AMSGrad)"),
                Param.real("weight-decay", "λ", weightDecayDefault, Range.atLeast(0), weightDecayDefault == 0
                        ? "L2 penalty λ added to the gradient as λ·θ"
                        : "decoupled weight decay λ: θ ← θ·(1 − lr·λ) before each update"),
                Param.flag("no-bias-correction",
                        "drop the 1/(1 − β₁ᵗ) and 1/√(1 − β₂ᵗ) corrections (not a PyTorch option)"),
                MAXIMIZE);
    }

    /** The strong-Wolfe curvature constant, whose default differs between SciPy's BFGS and CG. */
    private static Param c2(double defaultValue) {
        return Param.real("c2", "c₂", defaultValue, Range.open(0, 1),
                "curvature constant c₂ of the strong Wolfe conditions: |∇f·p| must fall to c₂ of its start");
    }

    private static Adam adam(Settings s, boolean decoupled) {
        return new Adam(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"), decoupled,
                s.flag("amsgrad"), !s.flag("no-bias-correction"), s.flag("maximize"));
    }

    static void add(OptimizerKind kind) {
        REGISTRY.add(kind);
    }

    public static List<OptimizerKind> all() {
        return REGISTRY.all();
    }

    public static List<String> names() {
        return REGISTRY.names();
    }

    public static Optional<OptimizerKind> find(String name) {
        return REGISTRY.find(name);
    }

    /** The optimizer called {@code name}; an unknown name fails with the closest valid one suggested. */
    public static OptimizerKind get(String name) {
        return REGISTRY.get(name);
    }
}
