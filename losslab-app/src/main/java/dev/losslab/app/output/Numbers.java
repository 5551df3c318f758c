package dev.losslab.app.output;

/** How LossLab prints numbers: exactly (round-trip) for data, briefly for people. */
public final class Numbers {

    private Numbers() {}

    /**
     * The shortest decimal that reads back to the same double (Java's {@link Double#toString}),
     * for CSV and JSON. Non-finite values print as {@code NaN}, {@code Infinity} or {@code -Infinity}
     * in CSV, which every CSV reader we know parses; JSON uses {@link JsonViews} and writes null.
     */
    public static String exact(double v) {
        return Double.toString(v);
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
