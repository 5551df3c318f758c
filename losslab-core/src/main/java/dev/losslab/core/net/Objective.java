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
 * about 3·N multiply-adds a row for N parameters.
 *
 * <p><b>Matrix-shaped.</b> The batch goes through in blocks of up to {@link #rowsPerBlock} rows, each
 * layer at once for the whole block, so every inner loop is a long run of one multiply-add over
 * contiguous memory, which the JIT vectorizes (C2 turns {@code y[i] += s·x[i]} into SIMD, not a sum
 * reduction, whose order Java fixes). With the n rows of a block as the columns of a matrix:
 * <pre>
 *   forward    Zᵀ_{l+1} = W_l·Aᵀ_l + b_l      column-major: for each unit o and input j, Zᵀ[o][·] += W[o][j]·Aᵀ[j][·]
 *   backward   ∂L/∂W_l += Δ_{l+1}ᵀ·A_l        row-major:    for each row r and unit o, ∂W[o][·] += Δ[r][o]·A[r][·]
 *              Δ_l = (Δ_{l+1}·W_l) ⊙ act'      row-major:    for each row r and unit o, Δ_l[r][·] += Δ[r][o]·W[o][·]
 * </pre>
 * (the forward pass reads and writes a layer as units × rows, so its inner loop runs over the n rows
 * whatever the widths, and its results are transposed to rows × units for the backward pass: n·w
 * moves against n·w·w' multiply-adds). Every sum runs in the order the row-by-row formulas above
 * give (inputs j in order, then the bias; rows in order into the gradient), so the blocks change
 * the speed, not one bit of the result. Memory: a few values per row and unit of a block, bounded
 * by {@link #BLOCK_VALUES} per layer.
 */
public final class Objective {

    /** Most rows in a block: enough to amortise each loop's start, few enough to stay in the L1/L2 cache. */
    static final int MAX_BLOCK_ROWS = 128;
    /** Most values one layer of a block holds (64 KB): fewer rows for wide layers. */
    static final int BLOCK_VALUES = 8192;

    private final Network network;
    private final Loss loss;
    private final Examples examples;
    private final int rowsPerBlock;
    /** Aᵀ_l, layer l's activations as units × rows (l = 0 the inputs). */
    private final double[][] columns;
    /** Zᵀ_l, layer l's pre-activations as units × rows (l ≥ 1). */
    private final double[][] preColumns;
    /** A_l as rows × units, l &lt; L (the inputs only when they are not read in place). */
    private final double[][] a;
    /** Z_l as rows × units, l ≥ 1. */
    private final double[][] z;
    /** Δ_l = ∂L/∂Z_l as rows × units, l ≥ 1. */
    private final double[][] delta;
    /** Scratch of the activation's bulk form. */
    private final double[] high;
    private final double[] low;
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
        int widest = 0;
        for (int l = 0; l <= layers; l++) {
            widest = Math.max(widest, network.width(l));
        }
        rowsPerBlock = Math.max(1, Math.min(Math.min(MAX_BLOCK_ROWS, BLOCK_VALUES / widest), examples.rows()));
        columns = new double[layers + 1][];
        preColumns = new double[layers + 1][];
        a = new double[layers + 1][];
        z = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            int values = rowsPerBlock * network.width(l);
            columns[l] = new double[values];
            a[l] = new double[values];
            if (l > 0) {
                preColumns[l] = new double[values];
                z[l] = new double[values];
                delta[l] = new double[values];
            }
        }
        high = new double[rowsPerBlock * widest];
        low = new double[rowsPerBlock * widest];
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
        double[] labels = examples.labels();
        double sum = 0;
        correct = 0;
        for (int start = 0; start < count; start += rowsPerBlock) {
            int n = Math.min(rowsPerBlock, count - start);
            // A₀ row-major: the examples' own array when the rows are 0 … count − 1, else gathered.
            double[] inputs = rows == null ? examples.x() : a[0];
            int inputsAt = rows == null ? start * network.inputs() : 0;
            if (rows != null) {
                gather(rows, from + start, n);
            }
            transpose(inputs, inputsAt, n, network.inputs(), columns[0]);
            forward(theta, n);
            double[] out = z[last];
            double[] d = delta[last];
            for (int r = 0; r < n; r++) {
                double label = labels[rows == null ? start + r : rows[from + start + r]];
                sum += loss.row(out, r * outputs, outputs, label, outputDelta);
                if (examples.classification() && loss.correct(out, r * outputs, outputs, label)) {
                    correct++;
                }
                for (int k = 0; k < outputs; k++) {
                    d[r * outputs + k] = outputDelta[k] * scale;
                }
            }
            if (gradient != null) {
                backward(theta, n, inputs, inputsAt, gradient);
            }
        }
        return sum * scale;
    }

    /** Rows classified right by the last {@link #evaluate}. */
    public int correct() {
        return correct;
    }

    /** Rows per block: at most {@link #MAX_BLOCK_ROWS}, and {@link #BLOCK_VALUES} values over the widest layer. */
    int rowsPerBlock() {
        return rowsPerBlock;
    }

    /** A₀ = the inputs of rows {@code rows[at … at + n − 1]}, row-major. */
    private void gather(int[] rows, int at, int n) {
        int inputs = network.inputs();
        for (int r = 0; r < n; r++) {
            System.arraycopy(examples.x(), rows[at + r] * inputs, a[0], r * inputs, inputs);
        }
    }

    /** to[c·n + r] = from[at + r·width + c]: n rows of {@code width} values as width columns of n. */
    private static void transpose(double[] from, int at, int n, int width, double[] to) {
        for (int r = 0; r < n; r++) {
            int row = at + r * width;
            for (int c = 0; c < width; c++) {
                to[c * n + r] = from[row + c];
            }
        }
    }

    /** Zᵀ, Aᵀ layer by layer from Aᵀ₀, each also row-major for the backward pass (Z for every layer, A below the last). */
    private void forward(double[] theta, int n) {
        int layers = network.layers();
        Activation act = network.activation();
        for (int l = 0; l < layers; l++) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[] input = columns[l];
            double[] pre = preColumns[l + 1];
            for (int o = 0; o < out; o++) {
                int po = o * n;
                Arrays.fill(pre, po, po + n, 0);
                int wo = w + o * in;
                for (int j = 0; j < in; j++) {
                    double weight = theta[wo + j];
                    int ij = j * n;
                    for (int r = 0; r < n; r++) {
                        pre[po + r] += weight * input[ij + r];
                    }
                }
                double bias = theta[b + o];
                for (int r = 0; r < n; r++) {
                    pre[po + r] += bias;
                }
            }
            transpose(pre, 0, out, n, z[l + 1]);
            if (l + 1 < layers) {
                act.applyAll(pre, columns[l + 1], 0, out * n, high, low);
                transpose(columns[l + 1], 0, out, n, a[l + 1]);
            }
        }
    }

    /** Adds the block's ∂L/∂θ to {@code gradient}, from Δ_L already in place. */
    private void backward(double[] theta, int n, double[] inputs, int inputsAt, double[] gradient) {
        Activation act = network.activation();
        for (int l = network.layers() - 1; l >= 0; l--) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[] d = delta[l + 1];
            double[] input = l == 0 ? inputs : a[l];
            int inputAt = l == 0 ? inputsAt : 0;
            for (int r = 0; r < n; r++) {
                int ri = inputAt + r * in;
                for (int o = 0; o < out; o++) {
                    double dv = d[r * out + o];
                    int wo = w + o * in;
                    for (int j = 0; j < in; j++) {
                        gradient[wo + j] += dv * input[ri + j];
                    }
                    gradient[b + o] += dv;
                }
            }
            if (l > 0) {
                double[] back = delta[l];
                Arrays.fill(back, 0, n * in, 0);
                for (int r = 0; r < n; r++) {
                    int ri = r * in;
                    for (int o = 0; o < out; o++) {
                        double dv = d[r * out + o];
                        int wo = w + o * in;
                        for (int j = 0; j < in; j++) {
                            back[ri + j] += theta[wo + j] * dv;
                        }
                    }
                }
                act.multiplyByDerivative(back, z[l], a[l], 0, n * in);
            }
        }
    }
}
