package dev.losslab.app.web.api;

/**
 * Builders of presentation MathML (MathML Core, which Chromium renders natively) as strings, one
 * element each, so that an expression nests as its maths does. Token text is escaped here, so a
 * caller writes {@code mo("<")} as it reads.
 */
final class MathMl {

    private MathMl() {}

    /** Display maths, one statement per table row (left-aligned by the page's CSS). */
    static String block(String... statements) {
        StringBuilder s = new StringBuilder("<math display=\"block\"><mtable>");
        for (String statement : statements) {
            s.append("<mtr><mtd><mrow displaystyle=\"true\">").append(statement).append("</mrow></mtd></mtr>");
        }
        return s.append("</mtable></math>").toString();
    }

    static String mi(String name) {
        return token("mi", name);
    }

    static String mo(String op) {
        return token("mo", op);
    }

    static String mn(String number) {
        return token("mn", number);
    }

    /**
     * Words within the maths ("from a strong-Wolfe line search"), upright. A space at either end is
     * kept (as a no-break space): a token's own leading and trailing spaces would be dropped.
     */
    static String text(String words) {
        return token("mtext", words.replaceAll("^ | $", "\u00a0"));
    }

    /** A quad of space, between a statement and its condition or a second statement. */
    static String gap() {
        return "<mspace width=\"1em\"/>";
    }

    /** The parts side by side, as one group. */
    static String row(String... parts) {
        return "<mrow>" + String.join("", parts) + "</mrow>";
    }

    static String paren(String... parts) {
        return fence("(", String.join("", parts), ")");
    }

    /** |x|. */
    static String abs(String... parts) {
        return fence("|", String.join("", parts), "|");
    }

    /** ‖x‖. */
    static String norm(String... parts) {
        return fence("‖", String.join("", parts), "‖");
    }

    /** a / b, inline: a fraction inside another, which as an mfrac would shrink to script size. */
    static String over(String numerator, String denominator) {
        return row(numerator + mo("/") + denominator);
    }

    /** name(a, b, …): max, min, sign, clamp, RMS. */
    static String call(String name, String... args) {
        return row(mi(name) + paren(String.join(mo(","), args)));
    }

    static String frac(String numerator, String denominator) {
        return "<mfrac>" + row(numerator) + row(denominator) + "</mfrac>";
    }

    static String sqrt(String... parts) {
        return "<msqrt>" + String.join("", parts) + "</msqrt>";
    }

    static String sup(String base, String exponent) {
        return "<msup>" + row(base) + row(exponent) + "</msup>";
    }

    static String sub(String base, String subscript) {
        return "<msub>" + row(base) + row(subscript) + "</msub>";
    }

    static String subSup(String base, String subscript, String exponent) {
        return "<msubsup>" + row(base) + row(subscript) + row(exponent) + "</msubsup>";
    }

    static String sq(String base) {
        return sup(base, mn("2"));
    }

    /** x̂: a bias-corrected average. */
    static String hat(String base) {
        return "<mover accent=\"true\">" + row(base) + mo("^") + "</mover>";
    }

    /** x̄: an averaged point. */
    static String bar(String base) {
        return "<mover accent=\"true\">" + row(base) + mo("¯") + "</mover>";
    }

    /**
     * Delimiters around content, stretched only around something tall (a fraction, a root): a
     * stretchy fence is centred on the maths axis, so around (1 − β₁) it would outgrow its content.
     */
    private static String fence(String open, String content, String close) {
        boolean tall = content.contains("<mfrac") || content.contains("<msqrt");
        String stretchy = tall ? "" : " stretchy=\"false\"";
        return row("<mo" + stretchy + ">" + open + "</mo>" + content + "<mo" + stretchy + ">" + close + "</mo>");
    }

    private static String token(String tag, String content) {
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<" + tag + ">" + escaped + "</" + tag + ">";
    }
}
