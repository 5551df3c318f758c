package dev.losslab.core.run;

import dev.losslab.core.optim.InternalsSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An optimizer's internals at every point of a run, as named 2-vectors: for point k ≥ 1, the
 * state the update from θ_{k−1} to θ_k left behind ({@link dev.losslab.core.optim.Stepper#describe}).
 * The start (point 0) has none. Stored per name as interleaved (x, y) primitive arrays; a vector a
 * step did not report reads as NaN.
 */
public final class Internals implements InternalsSink {

    private final List<String> names = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private int step;

    Internals() {}

    /** The point the next reports belong to. */
    void at(int step) {
        this.step = step;
    }

    @Override
    public void vector(String name, double x, double y) {
        int k = names.indexOf(name);
        if (k < 0) {
            names.add(name);
            double[] fresh = new double[Math.max(32, 2 * (step + 1))];
            Arrays.fill(fresh, Double.NaN);
            values.add(fresh);
            k = names.size() - 1;
        }
        double[] v = values.get(k);
        if (2 * step + 1 >= v.length) {
            int old = v.length;
            v = Arrays.copyOf(v, Math.max(2 * old, 2 * step + 2));
            Arrays.fill(v, old, v.length, Double.NaN);
            values.set(k, v);
        }
        v[2 * step] = x;
        v[2 * step + 1] = y;
    }

    /** The names reported, in the order first reported. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The x coordinate of the vector {@code name} at point {@code step}, NaN when not reported. */
    public double x(String name, int step) {
        return read(name, 2 * step);
    }

    public double y(String name, int step) {
        return read(name, 2 * step + 1);
    }

    /** Whether point {@code step} has any internals (the start never does). */
    public boolean has(int step) {
        if (step <= 0) {
            return false;
        }
        for (double[] v : values) {
            if (2 * step + 1 < v.length && (!Double.isNaN(v[2 * step]) || !Double.isNaN(v[2 * step + 1]))) {
                return true;
            }
        }
        return false;
    }

    private double read(String name, int index) {
        int k = names.indexOf(name);
        if (k < 0) {
            return Double.NaN;
        }
        double[] v = values.get(k);
        return index < v.length ? v[index] : Double.NaN;
    }
}
