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
 * layer at once for the whole block, so that every inner loop is a run of one multiply-add
 * y[i] += s·x[i] over contiguous memory, which the JIT vectorizes (a sum reduction it would not:
 * Java fixes its order). A layer of a block is kept as one array per unit over the n rows (units ×
 * rows, "columns"); with those:
 * <pre>
 *   forward    Zᵀ_{l+1}[o] = Σ_j W_l[o][j]·Aᵀ_l[j] + b_l[o]            over the rows, for each unit o
 *   backward   Δᵀ_l[j] = (Σ_o W_l[o][j]·Δᵀ_{l+1}[o]) ⊙ act'(Zᵀ_l[j])   over the rows, for each unit j
 *              ∂L/∂W_l[o] += Δᵀ_{l+1}[o][r]·A_l[r]                    over the inputs, for each row r
 * </pre>
 * The weights' gradient needs a layer's activations one array per row (A_l, rows × units): those
 * are copied across (n·w moves against n·w·w' multiply-adds). Each loop reads and writes its arrays
 * at the same index from 0: the JIT cannot tell distinct arrays apart, and vectorizes only when
 * even the same array could not overlap itself (offsets into one flat buffer kept it scalar).
 *
 * <p>Every sum runs in the order of the row-by-row formulas above (inputs j in order, then the
 * bias; rows in order into the gradient), so the blocks change the speed, not one bit of the
 * result ({@code ObjectiveTest} checks it against the formulas row by row). Memory: a few values
 * per row and unit of a block, at most {@link #BLOCK_VALUES} rows·units per layer; one weight
 * gradient; and the examples' inputs once more, by column.
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
    /** Aᵀ_l[unit][row]: layer l's activations (l = 0 the inputs). */
    private final double[][][] columns;
    /** Zᵀ_l[unit][row], l ≥ 1. */
    private final double[][][] preColumns;
    /** Δᵀ_l[unit][row] = ∂L/∂Zᵀ_l, l ≥ 1. */
    private final double[][][] deltaColumns;
    /** A_l[row][unit], l &lt; L. */
    private final double[][][] rowsOfA;
    /** ∂L/∂W_l[o][j], summed over the blocks, then copied into the gradient. */
    private final double[][][] weightGradient;
    /** The examples' inputs as one array per input over every row: Aᵀ₀ of a block is a slice of them. */
    private final double[][] inputColumns;
    /** Scratch of the activation's bulk form. */
    private final double[] high;
    private final double[] low;
    private final double[] outputRow;
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
        int n = Math.max(1, Math.min(Math.min(MAX_BLOCK_ROWS, BLOCK_VALUES / widest), examples.rows()));
        rowsPerBlock = n;
        columns = new double[layers + 1][][];
        preColumns = new double[layers + 1][][];
        deltaColumns = new double[layers + 1][][];
        rowsOfA = new double[layers][][];
        weightGradient = new double[layers][][];
        for (int l = 0; l <= layers; l++) {
            int w = network.width(l);
            columns[l] = new double[w][n];
            if (l > 0) {
                preColumns[l] = new double[w][n];
                deltaColumns[l] = new double[w][n];
            }
            if (l < layers) {
                rowsOfA[l] = new double[n][w];
                weightGradient[l] = new double[network.width(l + 1)][w];
            }
        }
        inputColumns = new double[network.inputs()][examples.rows()];
        for (int r = 0; r < examples.rows(); r++) {
            for (int j = 0; j < network.inputs(); j++) {
                inputColumns[j][r] = examples.x()[r * network.inputs() + j];
            }
        }
        high = new double[n];
        low = new double[n];
        outputRow = new double[network.outputs()];
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
        int outputs = network.outputs();
        int last = network.layers();
        if (gradient != null) {
            Arrays.fill(gradient, 0, network.parameterCount(), 0);
            for (double[][] layer : weightGradient) {
                for (double[] unit : layer) {
                    Arrays.fill(unit, 0);
                }
            }
        }
        double scale = 1 / loss.denominator(count, outputs);
        double[] labels = examples.labels();
        double[][] out = preColumns[last];
        double[][] d = deltaColumns[last];
        double sum = 0;
        correct = 0;
        for (int start = 0; start < count; start += rowsPerBlock) {
            int n = Math.min(rowsPerBlock, count - start);
            inputs(rows, from + start, rows == null ? start : 0, n);
            forward(theta, n);
            for (int r = 0; r < n; r++) {
                double label = labels[rows == null ? start + r : rows[from + start + r]];
                for (int k = 0; k < outputs; k++) {
                    outputRow[k] = out[k][r];
                }
                sum += loss.row(outputRow, 0, outputs, label, outputDelta);
                if (examples.classification() && loss.correct(outputRow, 0, outputs, label)) {
                    correct++;
                }
                for (int k = 0; k < outputs; k++) {
                    d[k][r] = outputDelta[k] * scale;
                }
            }
            if (gradient != null) {
                backward(theta, n, gradient);
            }
        }
        if (gradient != null) {
            for (int l = 0; l < last; l++) {
                int in = network.width(l);
                for (int o = 0; o < network.width(l + 1); o++) {
                    System.arraycopy(weightGradient[l][o], 0, gradient, network.weightOffset(l) + o * in, in);
                }
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

    /**
     * A₀ and Aᵀ₀ of a block: the inputs of rows {@code rows[at … at + n − 1]}, or of rows
     * {@code first … first + n − 1} when rows is null.
     */
    private void inputs(int[] rows, int at, int first, int n) {
        int inputs = network.inputs();
        double[] x = examples.x();
        double[][] byRow = rowsOfA[0];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, (rows == null ? first + r : rows[at + r]) * inputs, byRow[r], 0, inputs);
        }
        for (int j = 0; j < inputs; j++) {
            double[] column = inputColumns[j];
            double[] unit = columns[0][j];
            if (rows == null) {
                System.arraycopy(column, first, unit, 0, n);
            } else {
                for (int r = 0; r < n; r++) {
                    unit[r] = column[rows[at + r]];
                }
            }
        }
    }

    /** Zᵀ and Aᵀ layer by layer from Aᵀ₀, and A below the last layer. */
    private void forward(double[] theta, int n) {
        int layers = network.layers();
        Activation act = network.activation();
        for (int l = 0; l < layers; l++) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[][] input = columns[l];
            for (int o = 0; o < out; o++) {
                double[] pre = preColumns[l + 1][o];
                Arrays.fill(pre, 0, n, 0);
                int wo = w + o * in;
                int j = 0;
                for (; j + 3 < in; j += 4) {
                    multiplyAdd(pre, theta[wo + j], input[j], theta[wo + j + 1], input[j + 1],
                            theta[wo + j + 2], input[j + 2], theta[wo + j + 3], input[j + 3], n);
                }
                if (j + 1 < in) {
                    multiplyAdd(pre, theta[wo + j], input[j], theta[wo + j + 1], input[j + 1], n);
                    j += 2;
                }
                for (; j < in; j++) {
                    multiplyAdd(pre, theta[wo + j], input[j], n);
                }
                double bias = theta[b + o];
                for (int r = 0; r < n; r++) {
                    pre[r] += bias;
                }
            }
            if (l + 1 < layers) {
                double[][] post = columns[l + 1];
                double[][] byRow = rowsOfA[l + 1];
                for (int o = 0; o < out; o++) {
                    act.applyAll(preColumns[l + 1][o], post[o], 0, n, high, low);
                    double[] unit = post[o];
                    for (int r = 0; r < n; r++) {
                        byRow[r][o] = unit[r];
                    }
                }
            }
        }
    }

    /** Adds the block's ∂L/∂b to {@code gradient} and its ∂L/∂W to {@link #weightGradient}, from Δᵀ_L already in place. */
    private void backward(double[] theta, int n, double[] gradient) {
        Activation act = network.activation();
        for (int l = network.layers() - 1; l >= 0; l--) {
            int in = network.width(l);
            int out = network.width(l + 1);
            int w = network.weightOffset(l);
            int b = network.biasOffset(l);
            double[][] d = deltaColumns[l + 1];
            double[][] dw = weightGradient[l];
            double[][] input = rowsOfA[l];
            int r = 0;
            for (; r + 3 < n; r += 4) {
                for (int o = 0; o < out; o++) {
                    double[] dv = d[o];
                    multiplyAdd(dw[o], dv[r], input[r], dv[r + 1], input[r + 1], dv[r + 2], input[r + 2], dv[r + 3], input[r + 3], in);
                    gradient[b + o] = gradient[b + o] + dv[r] + dv[r + 1] + dv[r + 2] + dv[r + 3];
                }
            }
            for (; r < n; r++) {
                for (int o = 0; o < out; o++) {
                    multiplyAdd(dw[o], d[o][r], input[r], in);
                    gradient[b + o] += d[o][r];
                }
            }
            if (l > 0) {
                for (int j = 0; j < in; j++) {
                    double[] back = deltaColumns[l][j];
                    Arrays.fill(back, 0, n, 0);
                    int o = 0;
                    for (; o + 3 < out; o += 4) {
                        int wo = w + o * in + j;
                        multiplyAdd(back, theta[wo], d[o], theta[wo + in], d[o + 1], theta[wo + 2 * in], d[o + 2],
                                theta[wo + 3 * in], d[o + 3], n);
                    }
                    if (o + 1 < out) {
                        int wo = w + o * in + j;
                        multiplyAdd(back, theta[wo], d[o], theta[wo + in], d[o + 1], n);
                        o += 2;
                    }
                    for (; o < out; o++) {
                        multiplyAdd(back, theta[w + o * in + j], d[o], n);
                    }
                    act.multiplyByDerivative(back, preColumns[l][j], columns[l][j], 0, n);
                }
            }
        }
    }

    /** y[i] += s·x[i] for i &lt; n. */
    private static void multiplyAdd(double[] y, double s, double[] x, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += s * x[i];
        }
    }

    /** y[i] = y[i] + s₀·x₀[i] + s₁·x₁[i] for i &lt; n, left to right: the remainder of the groups of four. */
    private static void multiplyAdd(double[] y, double s0, double[] x0, double s1, double[] x1, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = y[i] + s0 * x0[i] + s1 * x1[i];
        }
    }

    /**
     * y[i] = y[i] + s₀·x₀[i] + s₁·x₁[i] + s₂·x₂[i] + s₃·x₃[i] for i &lt; n, summed left to right as
     * four calls of the one-term form would (so the same bits), with one load and store of y
     * instead of four: about 1.7× faster on rows of 16 to 64.
     */
    private static void multiplyAdd(double[] y, double s0, double[] x0, double s1, double[] x1, double s2, double[] x2,
                                    double s3, double[] x3, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = y[i] + s0 * x0[i] + s1 * x1[i] + s2 * x2[i] + s3 * x3[i];
        }
    }
}
