package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;

/**
 * The allowed values of a hyper-parameter: min and max, each inclusive or not. Checks are written
 * so NaN fails them.
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    public static Range atMost(double max) {
        return new Range(Double.NEGATIVE_INFINITY, false, max, true);
    }

    /** [min, max) — e.g. β ∈ [0, 1). */
    public static Range closedOpen(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** (min, max) — e.g. a line search's c₁ ∈ (0, 1). */
    public static Range open(double min, double max) {
        return new Range(min, false, max, false);
    }

    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    public boolean contains(double v) {
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax && !Double.isNaN(v);
    }

    /** Throws an {@link InvalidInputException} naming {@code field} unless v is in range; returns v. */
    public double check(String field, double v) {
        if (!contains(v)) {
            throw InvalidInputException.outOfRange(field, describe(), v);
        }
        return v;
    }

    /** "> 0", ">= 0", "<= 0", "in [0, 1)", or "0" when only one value is allowed. */
    public String describe() {
        if (min == max && minInclusive && maxInclusive) {
            return num(min);
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return (maxInclusive ? "<= " : "< ") + num(max);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return (minInclusive ? ">= " : "> ") + num(min);
        }
        return "in " + (minInclusive ? "[" : "(") + num(min) + ", " + num(max) + (maxInclusive ? "]" : ")");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
