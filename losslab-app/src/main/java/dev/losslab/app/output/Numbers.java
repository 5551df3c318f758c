package dev.losslab.app.output;

import dev.losslab.core.PlainDecimal;

/**
 * How LossLab prints numbers: exactly (round-trip) for data, briefly for people; and the one rule
 * for the numbers it reads as text (the CLI's ranges, the web API's parameters): plain decimals.
 */
public final class Numbers {

    private Numbers() {}

    /** True for a plain decimal number: {@code 0.01}, {@code -3}, {@code .5}, {@code 1e-4} ({@link PlainDecimal#is}). */
    public static boolean isPlain(String text) {
        return PlainDecimal.is(text);
    }

    /**
     * A plain decimal number's value (which may overflow to ±infinity: {@code 1e999}).
     *
     * @throws NumberFormatException when the text is not a plain decimal number ({@link #isPlain})
     */
    public static double parsePlain(String text) {
        return PlainDecimal.parse(text);
    }

    /**
     * The shortest decimal that reads back to the same double (Java's {@link Double#toString}),
     * for CSV and JSON. Non-finite values print as {@code NaN}, {@code Infinity} or {@code -Infinity}
     * in CSV, which every CSV reader we know parses; JSON uses {@link JsonViews} and writes null.
     */
    public static String exact(double v) {
        return Double.toString(v);
    }

    /**
     * A hyper-parameter's value as help and tables show it: a number {@link #brief}, numbers
     * comma-separated ({@code 0.5,1.2}; an empty list as "none"), a choice by name.
     */
    public static String setting(Object value) {
        return switch (value) {
            case Double d -> brief(d);
            case java.util.List<?> list when list.isEmpty() -> "none";
            case java.util.List<?> list -> String.join(",", list.stream().map(v -> brief((Double) v)).toList());
            default -> String.valueOf(value);
        };
    }

    /** Six significant digits for tables meant for eyes; non-finite values as words. */
    public static String brief(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 999999.5) { // %.6g turns scientific from 999999.5 on
            String s = String.format(java.util.Locale.ROOT, "%.6g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        // 1.23450e-08 → 1.2345e-8: scientific notation without padding zeros.
        String s = String.format(java.util.Locale.ROOT, "%.5e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** "(x, y)" with brief numbers. */
    public static String point(double x, double y) {
        return "(" + brief(x) + ", " + brief(y) + ")";
    }
}
