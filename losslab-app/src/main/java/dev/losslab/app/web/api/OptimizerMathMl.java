package dev.losslab.app.web.api;

import static dev.losslab.app.web.api.MathMl.abs;
import static dev.losslab.app.web.api.MathMl.bar;
import static dev.losslab.app.web.api.MathMl.block;
import static dev.losslab.app.web.api.MathMl.call;
import static dev.losslab.app.web.api.MathMl.frac;
import static dev.losslab.app.web.api.MathMl.gap;
import static dev.losslab.app.web.api.MathMl.hat;
import static dev.losslab.app.web.api.MathMl.mi;
import static dev.losslab.app.web.api.MathMl.mn;
import static dev.losslab.app.web.api.MathMl.mo;
import static dev.losslab.app.web.api.MathMl.norm;
import static dev.losslab.app.web.api.MathMl.over;
import static dev.losslab.app.web.api.MathMl.paren;
import static dev.losslab.app.web.api.MathMl.row;
import static dev.losslab.app.web.api.MathMl.sq;
import static dev.losslab.app.web.api.MathMl.sqrt;
import static dev.losslab.app.web.api.MathMl.sub;
import static dev.losslab.app.web.api.MathMl.subSup;
import static dev.losslab.app.web.api.MathMl.sup;
import static dev.losslab.app.web.api.MathMl.text;
import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each optimizer's update rule as presentation MathML, keyed by registry name and written with the
 * symbols of the registry's plain-text {@code updateRule}: g = ∇f(θ) (+ noise), t the 1-based step,
 * lr the scheduled learning rate. One statement per table row; a parenthesised note of the text
 * that defines a symbol (ρ∞, the hats, γ and c) is a row of its own. The plain text stays the
 * reference: a test checks that every registry optimizer has an entry here and that each entry uses
 * its rule's symbols.
 */
final class OptimizerMathMl {

    static final String THETA = mi("θ");
    static final String GRAD_F = mo("∇") + mi("f") + paren(THETA);
    static final String G = mi("g");
    static final String M = mi("m");
    static final String V = mi("v");
    static final String LR = mi("lr");
    static final String EPS = mi("ε");
    static final String LAMBDA = mi("λ");
    static final String T = mi("t");
    static final String ONE = mn("1");
    static final String DOT = mo("·");
    static final String LEFT = mo("←");
    static final String EQ = mo("=");
    static final String PLUS = mo("+");
    static final String MINUS = mo("−");
    static final String COMMA = mo(",");

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            entry("gd", block(
                    set(THETA, THETA + MINUS + LR + DOT + GRAD_F))),
            entry("sgd", block(
                    set(THETA, THETA + MINUS + LR + DOT + paren(GRAD_F + PLUS + mi("σ") + DOT + mi("ξ"))),
                    mi("ξ") + mo("∼") + mi("𝒩") + paren(mn("0") + COMMA + mi("I")))),
            entry("momentum", block(
                    set(mi("b"), mi("μ") + DOT + mi("b") + PLUS + oneMinus(mi("τ")) + DOT + GRAD_F),
                    set(THETA, THETA + MINUS + LR + DOT + mi("b")))),
            entry("nesterov", block(
                    set(mi("b"), mi("μ") + DOT + mi("b") + PLUS + oneMinus(mi("τ")) + DOT + G),
                    set(THETA, THETA + MINUS + LR + DOT + paren(G + PLUS + mi("μ") + DOT + mi("b"))))),
            entry("rmsprop", block(
                    average(V, mi("α"), sq(G)),
                    set(THETA, THETA + MINUS + LR + DOT + frac(G, sqrt(V) + PLUS + EPS)))),
            entry("adagrad", block(
                    set(mi("s"), mi("s") + PLUS + sq(G)),
                    set(THETA, THETA + MINUS
                            + frac(LR, ONE + PLUS + paren(T + MINUS + ONE) + DOT + mi("η"))
                            + DOT + frac(G, sqrt(mi("s")) + PLUS + EPS)))),
            entry("rprop", rprop()),
            entry("adam", block(average(M, beta(1), G), average(V, beta(2), sq(G)), adamStep(V))),
            entry("adamw", block(decoupledDecay(), average(M, beta(1), GRAD_F), average(V, beta(2), sq(GRAD_F)),
                    adamStep(V))),
            entry("adadelta", adadelta()),
            entry("adamax", block(
                    average(M, beta(1), G),
                    set(mi("u"), call("max", beta(2) + DOT + mi("u"), abs(G) + PLUS + EPS)),
                    set(THETA, THETA + MINUS + frac(LR, oneMinus(betaToThe(1))) + DOT + frac(M, mi("u"))))),
            entry("nadam", nadam()),
            entry("radam", radam()),
            entry("asgd", asgd()),
            entry("adafactor", adafactor()),
            entry("lbfgs", ProcedureMathMl.lbfgs()),
            entry("newton", block(
                    set(THETA, THETA + MINUS + LR + DOT
                            + sup(mo("[") + hessian() + mo("]"), MINUS + ONE) + DOT + GRAD_F))),
            entry("saddle-free-newton", block(
                    set(THETA, THETA + MINUS + LR + DOT
                            + sup(mo("|") + hessian() + mo("|"), MINUS + ONE) + DOT + GRAD_F))),
            entry("bfgs", ProcedureMathMl.bfgs()),
            entry("cg", ProcedureMathMl.conjugateGradient()),
            entry("nelder-mead", ProcedureMathMl.nelderMead()),
            entry("gd-armijo", ProcedureMathMl.armijo()),
            entry("lion", block(
                    decoupledDecay(),
                    set(THETA, THETA + MINUS + LR + DOT + call("sign", beta(1) + DOT + M + PLUS + oneMinus(beta(1)) + DOT + G)),
                    average(M, beta(2), G))),
            entry("adabelief", adaBelief()),
            entry("adan", adan()),
            entry("yogi", block(
                    average(M, beta(1), G),
                    set(V, V + PLUS + oneMinus(beta(2)) + DOT + call("sign", sq(G) + MINUS + V) + DOT + sq(G)),
                    set(THETA, THETA + MINUS + LR + DOT + frac(sqrt(oneMinusBody(betaToThe(2))), oneMinusBody(betaToThe(1)))
                            + DOT + frac(M, sqrt(V) + PLUS + EPS)))),
            entry("lamb", lamb()),
            entry("prodigy", prodigy()),
            entry("ademamix", adEMAMix()),
            entry("schedule-free-adamw", block(
                    average(V, beta(2), sq(G)),
                    set(mi("z"), mi("z") + MINUS + mi("γ") + DOT
                            + paren(frac(G, sqrt(over(V, oneMinus(betaToThe(2)))) + PLUS + EPS) + PLUS + LAMBDA + DOT + mi("y"))),
                    scheduleFreeAverage(),
                    scheduleFreeGradientPoint(beta(1)),
                    scheduleFreeGradientAndPoint(),
                    scheduleFreeStepSize(),
                    scheduleFreeWeight())),
            entry("schedule-free-sgd", block(
                    set(mi("z"), mi("z") + MINUS + mi("γ") + DOT + paren(G + PLUS + LAMBDA + DOT + mi("y"))),
                    scheduleFreeAverage(),
                    scheduleFreeGradientPoint(mi("β")),
                    scheduleFreeGradientAndPoint(),
                    scheduleFreeStepSize(),
                    scheduleFreeWeight())));

    private OptimizerMathMl() {}

    /** The optimizers that have MathML. */
    static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The MathML for the optimizer called {@code name}, if written. */
    static Optional<String> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    // ---- the rules too long for the table -----------------------------------------------------

    private static String rprop() {
        String delta = mi("Δ");
        return block(
                set(delta, clamp(delta + DOT + sub(mi("η"), mo("+")))) + gap() + text("where g keeps its sign"),
                set(delta, clamp(delta + DOT + sub(mi("η"), mo("−")))) + gap() + text("where it flips,"),
                gap() + set(G, mn("0")) + gap() + text("there: that step is skipped"),
                set(THETA, THETA + MINUS + call("sign", G) + DOT + delta) + gap() + sub(delta, mn("0")) + EQ + LR);
    }

    /** clamp(x, Δ_min, Δ_max): Rprop's bounds on its step sizes. */
    private static String clamp(String x) {
        return call("clamp", x, sub(mi("Δ"), mi("min")), sub(mi("Δ"), mi("max")));
    }

    private static String adadelta() {
        String rho = mi("ρ");
        String u = mi("u");
        String delta = mi("δ");
        return block(
                average(V, rho, sq(G)),
                set(delta, frac(sqrt(u + PLUS + EPS), sqrt(V + PLUS + EPS)) + DOT + G),
                average(u, rho, sq(delta)),
                set(THETA, THETA + MINUS + LR + DOT + delta));
    }

    private static String nadam() {
        String muT = sub(mi("μ"), T);
        String muNext = sub(mi("μ"), T + PLUS + ONE);
        String piT = sub(mi("Π"), T);
        String d = mi("d");
        return block(
                set(muT, beta(1) + DOT + paren(ONE + MINUS + mn("½") + DOT + sup(mn("0.96"), T + DOT + mi("ψ")))),
                set(piT, sub(mi("Π"), T + MINUS + ONE) + DOT + muT),
                average(M, beta(1), G),
                average(V, beta(2), sq(G)),
                set(d, sqrt(frac(V, oneMinusBody(betaToThe(2)))) + PLUS + EPS),
                set(THETA, THETA
                        + MINUS + LR + DOT + frac(oneMinusBody(muT), oneMinusBody(piT)) + DOT + frac(G, d)
                        + MINUS + LR + DOT + frac(muNext, oneMinusBody(piT + DOT + muNext)) + DOT + frac(M, d)));
    }

    private static String radam() {
        String rhoT = sub(mi("ρ"), T);
        String rhoInf = sub(mi("ρ"), mi("∞"));
        String rT = sub(mi("r"), T);
        String mHat = hat(M);
        return block(
                average(M, beta(1), G),
                average(V, beta(2), sq(G)),
                set(mHat, frac(M, oneMinusBody(betaToThe(1)))),
                set(rhoT, rhoInf + MINUS + frac(mn("2") + T + DOT + betaToThe(2), oneMinusBody(betaToThe(2)))),
                set(THETA, THETA + MINUS + LR + DOT + mHat + DOT + rT + DOT
                        + frac(sqrt(oneMinusBody(betaToThe(2))), sqrt(V) + PLUS + EPS))
                        + gap() + text("if ") + rhoT + mo(">") + mn("5") + COMMA,
                text("else ") + set(THETA, THETA + MINUS + LR + DOT + mHat),
                rhoInf + EQ + frac(mn("2"), oneMinusBody(beta(2))) + MINUS + ONE + COMMA + gap()
                        + rT + EQ + sqrt(frac(
                                paren(rhoT + MINUS + mn("4")) + paren(rhoT + MINUS + mn("2")) + rhoInf,
                                paren(rhoInf + MINUS + mn("4")) + paren(rhoInf + MINUS + mn("2")) + rhoT)));
    }

    private static String asgd() {
        String kappa = mi("κ");
        String eta = mi("η");
        String mu = mi("μ");
        String average = bar(THETA);
        return block(
                set(THETA, THETA + DOT + oneMinus(kappa + DOT + eta) + MINUS + eta + DOT + G),
                set(average, average + PLUS + mu + DOT + paren(THETA + MINUS + average)),
                text("then ") + set(eta, frac(LR, sup(paren(ONE + PLUS + kappa + DOT + LR + DOT + T), mi("α")))) + COMMA
                        + gap() + set(mu, frac(ONE, call("max", ONE, T + MINUS + sub(T, mn("0"))))),
                sub(eta, ONE) + EQ + LR + COMMA + gap() + sub(mu, ONE) + EQ + ONE + gap()
                        + text("(the run shows θ; θ̄ is the averaged point)"));
    }

    private static String adafactor() {
        String rhoT = sub(mi("ρ"), T);
        String tau = sup(T, mi("τ"));
        String u = mi("U");
        return block(
                set(rhoT, call("min", LR, frac(ONE, sqrt(T)))),
                decoupledDecay(),
                set(V, oneMinus(tau) + DOT + V + PLUS + tau + DOT + sq(G)),
                set(u, frac(G, sqrt(call("max", V, subSup(EPS, ONE, mn("2")))))),
                set(THETA, THETA + MINUS
                        + frac(call("max", sub(EPS, mn("2")), call("RMS", THETA)) + DOT + rhoT,
                                call("max", ONE, over(call("RMS", u), mi("d"))))
                        + DOT + u)
                        + gap() + text("(RMS(θ) before the decay)"));
    }

    private static String adaBelief() {
        String s = mi("s");
        String rT = sub(mi("r"), T);
        return block(
                average(M, beta(1), G),
                set(s, beta(2) + DOT + s + PLUS + oneMinus(beta(2)) + DOT + sq(paren(G + MINUS + M)) + PLUS + EPS),
                adamStep(s),
                text("rectified as RAdam by default: ") + set(THETA, THETA + MINUS + LR + DOT + hat(M))
                        + gap() + text("while ") + sub(mi("ρ"), T) + mo("<") + mn("5") + COMMA,
                text("then ") + set(THETA, THETA + MINUS + frac(LR + DOT + rT, oneMinusBody(betaToThe(1)))
                        + DOT + frac(M, sqrt(s) + PLUS + EPS)));
    }

    private static String adan() {
        String delta = mi("Δ");
        String n = mi("n");
        return block(
                set(delta, G + MINUS + sub(G, mi("prev"))),
                average(M, beta(1), G),
                average(V, beta(2), delta),
                average(n, beta(3), sq(paren(G + PLUS + beta(2) + DOT + delta))),
                set(THETA, over(
                        paren(THETA + MINUS + LR + DOT + frac(hat(M) + PLUS + beta(2) + DOT + hat(V), sqrt(hat(n)) + PLUS + EPS)),
                        paren(ONE + PLUS + LR + DOT + LAMBDA))),
                hats(M, V, n));
    }

    private static String lamb() {
        String u = mi("u");
        String phi = mi("φ");
        String z = mi("z");
        return block(
                average(M, beta(1), G),
                average(V, beta(2), sq(G)),
                set(u, frac(hat(M), sqrt(hat(V)) + PLUS + EPS) + PLUS + LAMBDA + DOT + THETA),
                set(THETA, THETA + MINUS + LR + DOT + frac(phi + paren(norm(THETA)), norm(u)) + DOT + u) + COMMA + gap()
                        + phi + paren(z) + EQ + call("min", call("max", z, sub(mi("γ"), mi("l"))), sub(mi("γ"), mi("u"))),
                hats(M, V) + gap() + sub(mi("γ"), mi("u")) + EQ + mn("0") + text(": no upper bound"));
    }

    private static String prodigy() {
        String eta = mi("η");
        String d = mi("d");
        String n = mi("N");
        String s = mi("s");
        String share = frac(d, sub(d, mn("0"))) + DOT + eta + DOT;
        return block(
                set(eta, d + DOT + LR),
                set(n, beta(3) + DOT + n + PLUS + share
                        + row(mo("⟨") + G + COMMA + sub(THETA, mn("0")) + MINUS + THETA + mo("⟩"))),
                set(s, beta(3) + DOT + s + PLUS + share + G),
                average(M, beta(1), d + DOT + G),
                average(V, beta(2), sq(d) + DOT + sq(G)),
                set(d, call("max", d, frac(mi("κ") + DOT + n, sub(norm(s), ONE)))),
                set(THETA, THETA + MINUS + LAMBDA + DOT + eta + DOT + THETA + MINUS + eta + DOT
                        + frac(M, sqrt(V) + PLUS + d + DOT + EPS)));
    }

    private static String adEMAMix() {
        String m1 = sub(M, ONE);
        String m2 = sub(M, mn("2"));
        return block(
                average(m1, beta(1), G),
                average(m2, beta(3), G),
                average(V, beta(2), sq(G)),
                set(THETA, THETA + MINUS + LR + DOT + paren(
                        frac(over(m1, oneMinus(betaToThe(1))) + PLUS + mi("α") + DOT + m2,
                                over(sqrt(V), sqrt(oneMinusBody(betaToThe(2)))) + PLUS + EPS)
                                + PLUS + LAMBDA + DOT + THETA)));
    }

    // ---- shapes several rules share -----------------------------------------------------------

    /** target ← value. */
    static String set(String target, String value) {
        return target + LEFT + value;
    }

    /** s ← β·s + (1 − β)·x: an exponential moving average. */
    static String average(String state, String decay, String value) {
        return set(state, decay + DOT + state + PLUS + oneMinus(decay) + DOT + value);
    }

    /** Adam's step, θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε), with v named {@code second}. */
    private static String adamStep(String second) {
        return set(THETA, THETA + MINUS + frac(LR, oneMinusBody(betaToThe(1)))
                + DOT + frac(M, over(sqrt(second), sqrt(oneMinusBody(betaToThe(2)))) + PLUS + EPS));
    }

    /** θ ← θ·(1 − lr·λ): decoupled weight decay, before the step. */
    private static String decoupledDecay() {
        return set(THETA, THETA + DOT + oneMinus(LR + DOT + LAMBDA));
    }

    /** m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), …: the bias corrections of the averages, in β order. */
    private static String hats(String... averages) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < averages.length; i++) {
            if (i > 0) {
                s.append(COMMA).append(gap());
            }
            s.append(hat(averages[i])).append(EQ).append(frac(averages[i], oneMinusBody(betaToThe(i + 1))));
        }
        return s.toString();
    }

    private static String scheduleFreeAverage() {
        String c = mi("c");
        return set(mi("x"), oneMinus(c) + DOT + mi("x") + PLUS + c + DOT + mi("z"));
    }

    /** y ← β·x + (1 − β)·z: where the next gradient is taken. */
    private static String scheduleFreeGradientPoint(String beta) {
        return set(mi("y"), beta + DOT + mi("x") + PLUS + oneMinus(beta) + DOT + mi("z"));
    }

    private static String scheduleFreeGradientAndPoint() {
        return G + EQ + mo("∇") + mi("f") + paren(mi("y")) + COMMA + gap() + THETA + EQ + mi("x") + gap()
                + text("(the run shows x)");
    }

    private static String scheduleFreeStepSize() {
        return mi("γ") + EQ + LR + text(" warmed up over W steps");
    }

    /** The averaging weight c: this step's weight over the sum of the weights so far. */
    private static String scheduleFreeWeight() {
        String w = mi("w");
        return mi("c") + EQ + frac(sub(w, T), sub(w, ONE) + PLUS + mo("…") + PLUS + sub(w, T))
                + COMMA + gap() + sub(w, T) + EQ + sup(T, mi("r")) + DOT + subSup(mi("γ"), mi("max"), mi("p"));
    }

    private static String hessian() {
        return sup(mo("∇"), mn("2")) + mi("f") + paren(THETA);
    }

    /** (1 − x). */
    static String oneMinus(String x) {
        return paren(oneMinusBody(x));
    }

    /** 1 − x, bare: for a fraction's numerator or denominator. */
    static String oneMinusBody(String x) {
        return ONE + MINUS + x;
    }

    /** β_i^t, stacked. */
    static String betaToThe(int i) {
        return subSup(mi("β"), mn(Integer.toString(i)), T);
    }

    static String beta(int i) {
        return sub(mi("β"), mn(Integer.toString(i)));
    }
}
