package dev.losslab.core;

/**
 * The one form in which LossLab reads a number from text — a CSV cell, a range on the command line,
 * a web API parameter: a plain decimal, as Java and Python print numbers. An optional sign, digits
 * with an optional decimal point (at least one digit on one side of it), an optional exponent:
 * {@code 0.01}, {@code -3}, {@code +2}, {@code .5}, {@code 5.}, {@code 1e-4}, {@code 1.0E-5}, {@code -0}.
 * Not the other forms {@link Double#parseDouble} also reads: hexadecimal ({@code 0x1p-4}), a type
 * suffix ({@code 1d}, {@code 2f}), words ({@code NaN}, {@code Infinity}), surrounding blanks.
 */
public final class PlainDecimal {

    private PlainDecimal() {}

    /** True for a plain decimal number; only the ASCII digits 0–9 count as digits. */
    public static boolean is(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        i = digits(text, i);
        int mantissaDigits = i - start;
        if (i < n && text.charAt(i) == '.') {
            int afterPoint = i + 1;
            i = digits(text, afterPoint);
            mantissaDigits += i - afterPoint;
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            i = digits(text, i);
            if (i == exponentStart) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * A plain decimal number's value, correctly rounded (so it equals what Python's {@code float()}
     * and NumPy read from the same text); it may overflow to ±infinity ({@code 1e999}).
     *
     * @throws NumberFormatException when the text is not a plain decimal number ({@link #is})
     */
    public static double parse(String text) {
        if (!is(text)) {
            throw new NumberFormatException("not a plain decimal number: '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
