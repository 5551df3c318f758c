package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import java.util.Objects;

/**
 * One swept hyper-parameter: {@code count} values from {@code from} to {@code to}, both included,
 * spaced evenly (numpy.linspace) or, with {@code log}, evenly in log10 (numpy.logspace over
 * log10(from) … log10(to); the ends are exactly {@code from} and {@code to}).
 *
 * @param name the hyper-parameter's CLI name ({@code lr}, {@code momentum}, {@code beta1}, …)
 */
public record Axis(String name, double from, double to, int count, boolean log) {

    /** Most values along one axis. */
    public static final int MAX_COUNT = 1024;

    public Axis {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new InvalidInputException(name, name + " range needs finite ends, got " + from + ":" + to);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw InvalidInputException.outOfRange(name + " count", "in [1, " + MAX_COUNT + "]", count);
        }
        if (count == 1 && from != to) {
            throw new InvalidInputException(name, name + " with 1 value needs from = to, got " + from + ":" + to);
        }
        if (log && !(from > 0 && to > 0)) {
            throw new InvalidInputException(name, "a log-spaced " + name + " needs ends > 0, got " + from + ":" + to);
        }
    }

    public static Axis linear(String name, double from, double to, int count) {
        return new Axis(name, from, to, count, false);
    }

    public static Axis logarithmic(String name, double from, double to, int count) {
        return new Axis(name, from, to, count, true);
    }

    /** The i-th value, i in [0, count). */
    public double value(int i) {
        if (i == 0) {
            return from;
        }
        if (i == count - 1) {
            return to;
        }
        if (log) {
            double a = Math.log10(from);
            double b = Math.log10(to);
            return Math.pow(10, a + i * ((b - a) / (count - 1)));
        }
        return i * ((to - from) / (count - 1)) + from;
    }

    public double[] values() {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = value(i);
        }
        return v;
    }
}
