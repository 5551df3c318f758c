package dev.losslab.core.net;

import java.util.Arrays;

/**
 * Exact Hessian-vector products H(θ)·v of a network's mean loss over its examples, by Pearlmutter's
 * R-operator (1994): R{x} = d/dε x(θ + ε·v) at ε = 0, carried through the forward and the backward
 * pass of {@link Objective}. The same cost as two gradients, and no finite difference.
 *
 * <p>With V_l, c_l the parts of v that sit where W_l, b_l sit in θ, for each row:
 * <pre>
 *   forward   R z_{l+1} = V_l·a_l + W_l·R a_l + c_l              (R a₀ = 0)
 *             R a_{l+1} = act'(z_{l+1}) ⊙ R z_{l+1}
 *   loss      R δ_L = (∂²ℓ/∂z²)·R z_L / D                          ({@link Loss#curvatureTimes})
 *   backward  (H·v) for W_l += R δ_{l+1}·a_lᵀ + δ_{l+1}·(R a_l)ᵀ,   for b_l += R δ_{l+1}
 *             R δ_l = (V_lᵀ·δ_{l+1} + W_lᵀ·R δ_{l+1}) ⊙ act'(z_l) + (W_lᵀ·δ_{l+1}) ⊙ act''(z_l) ⊙ R z_l
 * </pre>
 * where δ is the gradient's backward pass ({@link Objective}'s). Holds the scratch of one product,
 * so one instance serves one thread.
 */
public final class HessianVector {

    private final Network network;
    private final Loss loss;
    private final Examples examples;
    private final double[][] a;
    private final double[][] z;
    private final double[][] ra;
    private final double[][] rz;
    private final double[][] delta;
    private final double[][] rdelta;
    private final double[] outputDelta;
    private final double[] outputCurvature;
    private final double[] back;
    private final double[] rback;
    /** Products computed, for callers that bound their work. */
    private long products;

    public HessianVector(Objective objective) {
        this.network = objective.network();
        this.loss = objective.loss();
        this.examples = objective.examples();
        int layers = network.layers();
        a = new double[layers + 1][];
        z = new double[layers + 1][];
        ra = new double[layers + 1][];
        rz = new double[layers + 1][];
        delta = new double[layers + 1][];
        rdelta = new double[layers + 1][];
        int widest = 0;
        for (int l = 0; l <= layers; l++) {
            int w = network.width(l);
            a[l] = new double[w];
            z[l] = new double[w];
            ra[l] = new double[w];
            rz[l] = new double[w];
            delta[l] = new double[w];
            rdelta[l] = new double[w];
            widest = Math.max(widest, w);
        }
        outputDelta = new double[network.outputs()];
        outputCurvature = new double[network.outputs()];
        back = new double[widest];
        rback = new double[widest];
    }

    public Network network() {
        return network;
    }

    /** Row·parameter products of one H·v over every example: a forward and a backward pass, each with its R part. */
    public double work() {
        return 2.0 * examples.rows() * network.parameterCount();
    }

    /** Products computed so far. */
    public long products() {
        return products;
    }

    /** H(θ)·v of the mean loss over every example, into {@code out} (overwritten; not {@code v}). */
    public void times(double[] theta, double[] v, double[] out) {
        int count = examples.rows();
        int parameters = network.parameterCount();
        Arrays.fill(out, 0, parameters, 0);
        int outputs = network.outputs();
        int last = network.layers();
        double scale = 1 / loss.denominator(count, outputs);
        for (int r = 0; r < count; r++) {
            forward(theta, v, r);
            double label = examples.labels()[r];
            loss.row(z[last], 0, outputs, label, outputDelta);
            loss.curvatureTimes(z[last], 0, outputs, label, rz[last], outputCurvature);
            for (int k = 0; k < outputs; k++) {
                delta[last][k] = outputDelta[k] * scale;
                rdelta[last][k] = outputCurvature[k] * scale;
            }
            backward(theta, v, out);
        }
        products++;
    }

    private void forward(double[] theta, double[] v, int row) {
        int inputs = network.inputs();
        System.arraycopy(examples.x(), row * inputs, a[0], 0, inputs);
        Arrays.fill(ra[0], 0);
        Activation act = network.activation();
        int layers = network.layers();
        for (int l = 0; l < layers; l++) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[] input = a[l];
            double[] rinput = ra[l];
            double[] pre = z[l + 1];
            double[] rpre = rz[l + 1];
            for (int o = 0; o < out; o++) {
                double s = 0;
                double rs = 0;
                int wo = w + o * in;
                for (int j = 0; j < in; j++) {
                    s += theta[wo + j] * input[j];
                    rs += v[wo + j] * input[j] + theta[wo + j] * rinput[j];
                }
                pre[o] = s + theta[b + o];
                rpre[o] = rs + v[b + o];
            }
            if (l + 1 < layers) {
                double[] post = a[l + 1];
                double[] rpost = ra[l + 1];
                for (int o = 0; o < out; o++) {
                    post[o] = act.apply(pre[o]);
                    rpost[o] = act.derivative(pre[o], post[o]) * rpre[o];
                }
            }
        }
    }

    /** Adds this row's H·v to {@code hv}, from δ_L and R δ_L already in place. */
    private void backward(double[] theta, double[] v, double[] hv) {
        Activation act = network.activation();
        for (int l = network.layers() - 1; l >= 0; l--) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[] d = delta[l + 1];
            double[] rd = rdelta[l + 1];
            double[] input = a[l];
            double[] rinput = ra[l];
            for (int o = 0; o < out; o++) {
                double dv = d[o];
                double rdv = rd[o];
                int wo = w + o * in;
                for (int j = 0; j < in; j++) {
                    hv[wo + j] += rdv * input[j] + dv * rinput[j];
                }
                hv[b + o] += rdv;
            }
            if (l > 0) {
                // back = W_lᵀ·δ_{l+1}; rback = V_lᵀ·δ_{l+1} + W_lᵀ·R δ_{l+1}
                Arrays.fill(back, 0, in, 0);
                Arrays.fill(rback, 0, in, 0);
                for (int o = 0; o < out; o++) {
                    double dv = d[o];
                    double rdv = rd[o];
                    int wo = w + o * in;
                    for (int j = 0; j < in; j++) {
                        back[j] += theta[wo + j] * dv;
                        rback[j] += v[wo + j] * dv + theta[wo + j] * rdv;
                    }
                }
                double[] pre = z[l];
                double[] rpre = rz[l];
                double[] dl = delta[l];
                double[] rdl = rdelta[l];
                for (int j = 0; j < in; j++) {
                    double slope = act.derivative(pre[j], input[j]);
                    dl[j] = back[j] * slope;
                    rdl[j] = rback[j] * slope + back[j] * act.secondDerivative(pre[j], input[j]) * rpre[j];
                }
            }
        }
    }
}
