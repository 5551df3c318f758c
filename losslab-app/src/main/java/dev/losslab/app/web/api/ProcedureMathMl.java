package dev.losslab.app.web.api;

import static dev.losslab.app.web.api.MathMl.abs;
import static dev.losslab.app.web.api.MathMl.block;
import static dev.losslab.app.web.api.MathMl.call;
import static dev.losslab.app.web.api.MathMl.frac;
import static dev.losslab.app.web.api.MathMl.gap;
import static dev.losslab.app.web.api.MathMl.mi;
import static dev.losslab.app.web.api.MathMl.mn;
import static dev.losslab.app.web.api.MathMl.mo;
import static dev.losslab.app.web.api.MathMl.norm;
import static dev.losslab.app.web.api.MathMl.paren;
import static dev.losslab.app.web.api.MathMl.sq;
import static dev.losslab.app.web.api.MathMl.sub;
import static dev.losslab.app.web.api.MathMl.sup;
import static dev.losslab.app.web.api.MathMl.text;
import static dev.losslab.app.web.api.OptimizerMathMl.COMMA;
import static dev.losslab.app.web.api.OptimizerMathMl.DOT;
import static dev.losslab.app.web.api.OptimizerMathMl.EQ;
import static dev.losslab.app.web.api.OptimizerMathMl.GRAD_F;
import static dev.losslab.app.web.api.OptimizerMathMl.LR;
import static dev.losslab.app.web.api.OptimizerMathMl.MINUS;
import static dev.losslab.app.web.api.OptimizerMathMl.ONE;
import static dev.losslab.app.web.api.OptimizerMathMl.PLUS;
import static dev.losslab.app.web.api.OptimizerMathMl.THETA;
import static dev.losslab.app.web.api.OptimizerMathMl.set;

/**
 * The MathML of the rules that are procedures more than formulas (L-BFGS's inner iterations, the
 * line searches of BFGS, CG and Armijo descent, the Nelder–Mead simplex): the registry text's
 * statements, one row each, with words where the text has words ("from a strong-Wolfe line
 * search") rather than the algorithm written out.
 */
final class ProcedureMathMl {

    private ProcedureMathMl() {}

    static String lbfgs() {
        String d = mi("d");
        String t = mi("t");
        String s = mi("s");
        String y = mi("y");
        String indent = gap();
        return block(
                text("each step, up to max-iter times:"),
                indent + d + EQ + MINUS + mi("H") + DOT + GRAD_F + COMMA + gap()
                        + text("H from the last m pairs (s, y)"),
                indent + gap() + text("by the two-loop recursion from ")
                        + sub(mi("H"), mn("0")) + EQ + frac(y + DOT + s, y + DOT + y) + DOT + mi("I"),
                indent + d + EQ + MINUS + GRAD_F + text(" at first"),
                indent + set(THETA, THETA + PLUS + t + DOT + d) + COMMA + gap() + t + EQ + LR
                        + text(" (") + call("min", ONE, frac(ONE, sub(norm(mo("∇") + mi("f")), ONE))) + DOT + LR
                        + text(" at first)"),
                indent + gap() + text("or from a strong-Wolfe search"),
                indent + s + EQ + t + DOT + d + COMMA + gap() + y + EQ + gradientChange() + COMMA + gap()
                        + text("kept when ") + y + DOT + s + mo(">") + sup(mn("10"), MINUS + mn("10")),
                indent + text("the step ends early on tolerance-grad,"),
                indent + gap() + text("tolerance-change or max-eval"));
    }

    static String bfgs() {
        String h = mi("H");
        String s = mi("s");
        String y = mi("y");
        String rho = mi("ρ");
        String identity = mi("I");
        String p = mi("p");
        return block(
                p + EQ + MINUS + h + DOT + GRAD_F,
                lineSearchStep(p),
                set(h, paren(identity + MINUS + rho + DOT + s + DOT + transpose(y)) + DOT + h + DOT
                        + paren(identity + MINUS + rho + DOT + y + DOT + transpose(s))
                        + PLUS + rho + DOT + s + DOT + transpose(s)),
                sub(h, mn("0")) + EQ + identity + COMMA + gap() + s + EQ + text("θ's step") + COMMA + gap()
                        + y + EQ + gradientChange() + COMMA + gap() + rho + EQ + frac(ONE, y + DOT + s),
                gradientStop());
    }

    static String conjugateGradient() {
        String p = mi("p");
        String beta = mi("β");
        String grad = mo("∇") + mi("f");
        String previous = mo("∇") + sub(mi("f"), mi("prev"));
        return block(
                set(p, MINUS + GRAD_F + PLUS + beta + DOT + p) + COMMA + gap()
                        + beta + EQ + call("max", mn("0"),
                                frac(paren(grad + MINUS + previous) + DOT + grad, sq(norm(previous)))),
                sub(p, mn("0")) + EQ + MINUS + mo("∇") + mi("f") + paren(sub(THETA, mn("0"))),
                lineSearchStep(p),
                gradientStop());
    }

    static String nelderMead() {
        String theta0 = sub(THETA, mn("0"));
        return block(
                text("a simplex of ") + mi("D") + PLUS + ONE + text(" points: ") + theta0 + text(", and ") + mi("D")
                        + text(" copies of ") + theta0,
                gap() + text("each with one coordinate scaled by ") + ONE + PLUS + mn("0.05") + DOT + LR,
                text("reflected, expanded, contracted or shrunk using f alone"),
                set(THETA, text("its best vertex")),
                text("stops when its vertices are within xatol of the best in θ"),
                gap() + text("and within fatol of the best's f"));
    }

    static String armijo() {
        String alpha = mi("α");
        String f = mi("f");
        return block(
                set(alpha, LR),
                text("while ") + f + paren(THETA + MINUS + alpha + DOT + GRAD_F) + mo(">")
                        + f + paren(THETA) + MINUS + sub(mi("c"), ONE) + DOT + alpha + DOT + sq(norm(GRAD_F)) + mo(":")
                        + gap() + set(alpha, mi("ρ") + DOT + alpha),
                set(THETA, THETA + MINUS + alpha + DOT + GRAD_F));
    }

    /** θ ← θ + lr·α·p, α from a strong-Wolfe line search (c₁, c₂): BFGS's and CG's step. */
    private static String lineSearchStep(String direction) {
        String alpha = mi("α");
        return set(THETA, THETA + PLUS + LR + DOT + alpha + DOT + direction) + COMMA + gap()
                + alpha + text(" from a strong-Wolfe line search ") + paren(sub(mi("c"), ONE) + COMMA + sub(mi("c"), mn("2")));
    }

    /** SciPy's norm=inf gradient test. */
    private static String gradientStop() {
        return text("stops when ") + mi("max") + abs(mo("∂") + mi("f") + mo("/") + mo("∂") + THETA) + mo("≤") + mi("gtol");
    }

    /** y: how ∇f changed over the step, in the registry's words. */
    private static String gradientChange() {
        return text("the change in ") + mo("∇") + mi("f");
    }

    private static String transpose(String x) {
        return sup(x, mi("T"));
    }
}
