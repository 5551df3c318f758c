package dev.losslab.core.net;

import java.util.Arrays;

/**
 * A network's loss on its examples, with the exact gradient by backpropagation: what training
 * minimises. Holds the scratch of one evaluation, so one objective serves one thread.
 *
 * <p>For rows r of a batch of B, with a₀ = x_r:
 * <pre>
 *   forward    z_{l+1} = W_l·a_l + b_l,   a_{l+1} = act(z_{l+1}) below the last layer
 *   loss       L = Σ_r ℓ(z_L, y_r) / D          (D = B, or B·K for MSE: {@link Loss#denominator})
 *   backward   δ_L = ∂ℓ/∂z_L / D
 *              ∂L/∂W_l += δ_{l+1}·a_lᵀ,  ∂L/∂b_l += δ_{l+1}
 *              δ_l = (W_lᵀ·δ_{l+1}) ⊙ act'(z_l)
 * </pre>
 * Row by row, so the work is B·(multiply-adds of one row), about 3·N per row for N parameters.
 */
public final class Objective {

    private final Network network;
    private final Loss loss;
    private final Examples examples;
    /** a_l of the current row, layer by layer (a₀ the inputs); z_l for l ≥ 1. */
    private final double[][] a;
    private final double[][] z;
    private final double[][] delta;
    private final double[] outputDelta;
    private int correct;

    public Objective(Network network, Loss loss, Examples examples) {
        if (network.inputs() != examples.inputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs, the examples have "
                    + examples.inputs());
        }
        this.network = network;
        this.loss = loss;
        this.examples = examples;
        int layers = network.layers();
        a = new double[layers + 1][];
        z = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            a[l] = new double[network.width(l)];
            z[l] = new double[network.width(l)];
            delta[l] = new double[network.width(l)];
        }
        outputDelta = new double[network.outputs()];
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    public Examples examples() {
        return examples;
    }

    /** The mean loss over every example, and its gradient into {@code gradient} when that is not null. */
    public double evaluate(double[] theta, double[] gradient) {
        return evaluate(theta, null, 0, examples.rows(), gradient);
    }

    /**
     * The mean loss over {@code count} rows, and its gradient (overwritten) into {@code gradient}
     * when that is not null; also counts the rows classified right ({@link #correct}).
     *
     * @param rows the row indices, {@code rows[from … from + count − 1]}; null for rows 0 … count − 1
     */
    public double evaluate(double[] theta, int[] rows, int from, int count, double[] gradient) {
        if (gradient != null) {
            Arrays.fill(gradient, 0, network.parameterCount(), 0);
        }
        int outputs = network.outputs();
        int last = network.layers();
        double scale = 1 / loss.denominator(count, outputs);
        double sum = 0;
        correct = 0;
        for (int i = 0; i < count; i++) {
            int r = rows == null ? i : rows[from + i];
            forward(theta, r);
            double label = examples.labels()[r];
            sum += loss.row(z[last], 0, outputs, label, outputDelta);
            if (examples.classification() && loss.correct(z[last], 0, outputs, label)) {
                correct++;
            }
            if (gradient != null) {
                for (int k = 0; k < outputs; k++) {
                    delta[last][k] = outputDelta[k] * scale;
                }
                backward(theta, gradient);
            }
        }
        return sum * scale;
    }

    /** Rows classified right by the last {@link #evaluate}. */
    public int correct() {
        return correct;
    }

    private void forward(double[] theta, int row) {
        int inputs = network.inputs();
        System.arraycopy(examples.x(), row * inputs, a[0], 0, inputs);
        int layers = network.layers();
        for (int l = 0; l < layers; l++) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[] input = a[l];
            double[] pre = z[l + 1];
            for (int o = 0; o < out; o++) {
                double s = 0;
                int wo = w + o * in;
                for (int j = 0; j < in; j++) {
                    s += theta[wo + j] * input[j];
                }
                pre[o] = s + theta[b + o];
            }
            if (l + 1 < layers) {
                Activation act = network.activation();
                double[] post = a[l + 1];
                for (int o = 0; o < out; o++) {
                    post[o] = act.apply(pre[o]);
                }
            }
        }
    }

    /** Adds this row's ∂L/∂θ to {@code gradient}, from δ_L already in place. */
    private void backward(double[] theta, double[] gradient) {
        Activation act = network.activation();
        for (int l = network.layers() - 1; l >= 0; l--) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[] d = delta[l + 1];
            double[] input = a[l];
            for (int o = 0; o < out; o++) {
                double dv = d[o];
                int wo = w + o * in;
                for (int j = 0; j < in; j++) {
                    gradient[wo + j] += dv * input[j];
                }
                gradient[b + o] += dv;
            }
            if (l > 0) {
                double[] back = delta[l];
                Arrays.fill(back, 0);
                for (int o = 0; o < out; o++) {
                    double dv = d[o];
                    int wo = w + o * in;
                    for (int j = 0; j < in; j++) {
                        back[j] += theta[wo + j] * dv;
                    }
                }
                double[] pre = z[l];
                for (int j = 0; j < in; j++) {
                    back[j] *= act.derivative(pre[j], input[j]);
                }
            }
        }
    }
}
