package dev.losslab.app.web.api;

import java.util.Map;
import java.util.Optional;

/**
 * Each optimizer's update rule as presentation MathML (MathML Core, which Chromium renders
 * natively), keyed by registry name and written with the symbols of the registry's plain-text
 * {@code updateRule}: g = ∇f(θ) (+ noise), t the 1-based step, lr the scheduled learning rate. One
 * statement per table row. The plain text stays the reference (the page shows it for an
 * optimizer without an entry here); a test checks each entry names a registry optimizer and uses
 * the same symbols as its rule.
 */
final class OptimizerMathMl {

    private static final String THETA = mi("θ");
    private static final String GRAD_F = mo("∇") + mi("f") + paren(THETA);
    private static final String LR = mi("lr");
    private static final String DOT = mo("·");
    private static final String LEFT = mo("←");

    private static final Map<String, String> BY_NAME = Map.of(
            "gd", block(
                    THETA + LEFT + THETA + mo("−") + LR + DOT + GRAD_F),
            "sgd", block(
                    THETA + LEFT + THETA + mo("−") + LR + DOT
                            + paren(GRAD_F + mo("+") + mi("σ") + DOT + mi("ξ")),
                    mi("ξ") + mo("∼") + mi("𝒩") + paren(mn("0") + mo(",") + mi("I"))),
            "momentum", block(
                    mi("b") + LEFT + mi("μ") + DOT + mi("b") + mo("+") + paren(mn("1") + mo("−") + mi("τ")) + DOT + GRAD_F,
                    THETA + LEFT + THETA + mo("−") + LR + DOT + mi("b")),
            "nesterov", block(
                    mi("b") + LEFT + mi("μ") + DOT + mi("b") + mo("+") + paren(mn("1") + mo("−") + mi("τ")) + DOT + mi("g"),
                    THETA + LEFT + THETA + mo("−") + LR + DOT + paren(mi("g") + mo("+") + mi("μ") + DOT + mi("b"))),
            "rmsprop", block(
                    mi("v") + LEFT + mi("α") + DOT + mi("v") + mo("+") + paren(mn("1") + mo("−") + mi("α")) + DOT + sq(mi("g")),
                    THETA + LEFT + THETA + mo("−") + LR + DOT
                            + frac(mi("g"), msqrt(mi("v")) + mo("+") + mi("ε"))),
            "adagrad", block(
                    mi("s") + LEFT + mi("s") + mo("+") + sq(mi("g")),
                    THETA + LEFT + THETA + mo("−")
                            + frac(LR, mn("1") + mo("+") + paren(mi("t") + mo("−") + mn("1")) + DOT + mi("η"))
                            + DOT + frac(mi("g"), msqrt(mi("s")) + mo("+") + mi("ε"))),
            "adam", adam(mi("g"), ""),
            "adamw", adam(GRAD_F, THETA + LEFT + THETA + DOT + paren(mn("1") + mo("−") + LR + DOT + mi("λ"))),
            "newton", block(
                    THETA + LEFT + THETA + mo("−") + LR + DOT
                            + msup(row(mo("[") + hessian() + mo("]")), mrow(mo("−") + mn("1"))) + DOT + GRAD_F),
            "saddle-free-newton", block(
                    THETA + LEFT + THETA + mo("−") + LR + DOT
                            + msup(row(mo("|") + hessian() + mo("|")), mrow(mo("−") + mn("1"))) + DOT + GRAD_F));

    private OptimizerMathMl() {}

    /** The optimizers that have MathML. */
    static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The MathML for the optimizer called {@code name}, if written. */
    static Optional<String> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static String adam(String gradient, String decayFirst) {
        String m = mi("m") + LEFT + beta(1) + DOT + mi("m") + mo("+") + paren(mn("1") + mo("−") + beta(1)) + DOT + gradient;
        String v = mi("v") + LEFT + beta(2) + DOT + mi("v") + mo("+") + paren(mn("1") + mo("−") + beta(2)) + DOT + sq(gradient);
        String step = THETA + LEFT + THETA + mo("−")
                + frac(LR, mn("1") + mo("−") + betaToThe(1))
                + DOT + frac(mi("m"),
                        msqrt(mi("v")) + mo("/") + msqrt(mn("1") + mo("−") + betaToThe(2)) + mo("+") + mi("ε"));
        return decayFirst.isEmpty() ? block(m, v, step) : block(decayFirst, m, v, step);
    }

    private static String hessian() {
        return msup(mo("∇"), mn("2")) + mi("f") + paren(THETA);
    }

    /** β_i^t, stacked. */
    private static String betaToThe(int i) {
        return "<msubsup>" + mi("β") + mn(Integer.toString(i)) + mi("t") + "</msubsup>";
    }

    private static String beta(int i) {
        return "<msub>" + mi("β") + mn(Integer.toString(i)) + "</msub>";
    }

    /** One statement per row, left-aligned by the page's CSS. */
    private static String block(String... statements) {
        StringBuilder s = new StringBuilder("<math display=\"block\"><mtable>");
        for (String statement : statements) {
            s.append("<mtr><mtd><mrow displaystyle=\"true\">").append(statement).append("</mrow></mtd></mtr>");
        }
        return s.append("</mtable></math>").toString();
    }

    private static String mi(String name) {
        return "<mi>" + name + "</mi>";
    }

    private static String mo(String op) {
        return "<mo>" + op + "</mo>";
    }

    private static String mn(String number) {
        return "<mn>" + number + "</mn>";
    }

    private static String mrow(String content) {
        return "<mrow>" + content + "</mrow>";
    }

    private static String row(String content) {
        return mrow(content);
    }

    private static String paren(String content) {
        return mrow(mo("(") + content + mo(")"));
    }

    private static String frac(String numerator, String denominator) {
        return "<mfrac>" + mrow(numerator) + mrow(denominator) + "</mfrac>";
    }

    private static String msqrt(String content) {
        return "<msqrt>" + content + "</msqrt>";
    }

    private static String msup(String base, String exponent) {
        return "<msup>" + base + exponent + "</msup>";
    }

    private static String sq(String base) {
        return msup(mrow(base), mn("2"));
    }
}
