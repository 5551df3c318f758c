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
 * layer at once for the whole block. A layer of a block is kept as one array per unit over the n
 * rows (units × rows, "columns"); with those every multiply-add of a step is one product
 * Y += M·X of {@link ColumnProduct} (register-blocked, vectorized by C2: most of a step's arithmetic):
 * <pre>
 *   forward    Zᵀ_{l+1}[o] = b_l[o] + Σ_j W_l[o][j]·Aᵀ_l[j]             over the rows, for each unit o
 *   backward   Δᵀ_l[j] = (Σ_o W_l[o][j]·Δᵀ_{l+1}[o]) ⊙ act'(Zᵀ_l[j])   over the rows, for each unit j
 *              [∂L/∂W_l | ∂L/∂b_l][o] += Σ_r Δᵀ_{l+1}[o][r]·[A_l[r] | 1]  over the inputs, for each unit o
 * </pre>
 * The weights' gradient needs a layer's activations one array per row (A_l, rows × units), with a
 * 1 after them that makes the bias's gradient the same product: those are copied across (n·w moves
 * against n·w·w' multiply-adds); the inputs' rows are the examples' own. The activation and the
 * loss go over the columns too ({@link Activation#applyAll}, {@link Loss#block}), in loops C2
 * vectorizes.
 *
 * <p><b>Order of the sums.</b> Each sum over the inputs or the units runs in their order, one
 * fused multiply-add a term after the bias; each sum over rows (the gradient, the loss) runs over
 * the rows in order, whatever the blocks. So the block size changes no bit of the result, and a
 * listed batch gives what the same rows give as examples of their own. Against the row-by-row
 * formulas (separate multiplies and adds, Math.exp) the results differ by rounding only
 * ({@code ObjectiveTest} bounds it by the terms' sizes). Memory: a few values per row and unit of
 * a block, at most {@link #BLOCK_VALUES} rows·units per layer; one weight gradient; and the
 * examples' inputs twice more, by row and by column.
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
    /** The examples' inputs row by row: A₀ of a block points at them. */
    private final double[][] exampleRows;
    /** Aᵀ₀ of each block of the rows in order, made once: what a full batch reads. */
    private final double[][][] inputBlocks;
    /** Aᵀ₀ of a block of listed rows, gathered. */
    private final double[][] pickedInputs;
    /** Scratch of the activation's bulk form. */
    private final double[] high;
    private final double[] low;
    private final double[] outputRow;
    /** The labels of a block's rows. */
    private final double[] blockLabels;
    /** The loss of each row of a block. */
    private final double[] rowLosses;
    /** Scratch of the loss's block form. */
    private final double[][] lossScratch;
    /** Δ_{l+1} of a block as one flat array, unit by unit: the scalars of the weights' gradient. */
    private final double[] flatDelta;
    private int correct;

    public Objective(Network network, Loss loss, Examples examples) {
        this(network, loss, examples, MAX_BLOCK_ROWS);
    }

    /** With blocks of at most {@code maxBlockRows} rows: the results are the same to the bit for any (tests). */
    Objective(Network network, Loss loss, Examples examples, int maxBlockRows) {
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
        int n = Math.max(1, Math.min(Math.min(maxBlockRows, BLOCK_VALUES / widest), examples.rows()));
        rowsPerBlock = n;
        columns = new double[layers + 1][][];
        preColumns = new double[layers + 1][][];
        deltaColumns = new double[layers + 1][][];
        rowsOfA = new double[layers][][];
        weightGradient = new double[layers][][];
        for (int l = 0; l <= layers; l++) {
            int w = network.width(l);
            columns[l] = l == 0 ? null : new double[w][n];
            if (l > 0) {
                preColumns[l] = new double[w][n];
                deltaColumns[l] = new double[w][n];
            }
            if (l < layers) {
                rowsOfA[l] = l == 0 ? new double[n][] : withOnes(n, w); // A₀ points at the examples
                weightGradient[l] = new double[network.width(l + 1)][w + 1];
            }
        }
        int inputs = network.inputs();
        exampleRows = new double[examples.rows()][];
        for (int r = 0; r < examples.rows(); r++) {
            exampleRows[r] = Arrays.copyOfRange(examples.x(), r * inputs, (r + 1) * inputs + 1);
            exampleRows[r][inputs] = 1;
        }
        inputBlocks = new double[(examples.rows() + n - 1) / n][inputs][];
        for (int block = 0; block < inputBlocks.length; block++) {
            int first = block * n;
            int size = Math.min(n, examples.rows() - first);
            for (int j = 0; j < inputs; j++) {
                double[] unit = new double[size];
                for (int r = 0; r < size; r++) {
                    unit[r] = exampleRows[first + r][j];
                }
                inputBlocks[block][j] = unit;
            }
        }
        pickedInputs = new double[inputs][n];
        high = new double[n];
        low = new double[n];
        outputRow = new double[network.outputs()];
        blockLabels = new double[n];
        rowLosses = new double[n];
        lossScratch = new double[Loss.BLOCK_SCRATCH][Math.max(n, network.outputs())];
        flatDelta = new double[widest * n];
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
            inputs(rows, from + start, start / rowsPerBlock, n);
            forward(theta, n);
            for (int r = 0; r < n; r++) {
                blockLabels[r] = labels[rows == null ? start + r : rows[from + start + r]];
            }
            loss.block(out, outputs, blockLabels, n, scale, d, rowLosses, lossScratch);
            for (int r = 0; r < n; r++) {
                sum += rowLosses[r]; // row by row, so that the blocks do not change the sum
            }
            if (examples.classification()) {
                for (int r = 0; r < n; r++) {
                    for (int k = 0; k < outputs; k++) {
                        outputRow[k] = out[k][r];
                    }
                    if (loss.correct(outputRow, 0, outputs, blockLabels[r])) {
                        correct++;
                    }
                }
            }
            if (gradient != null) {
                backward(theta, n);
            }
        }
        if (gradient != null) {
            // Every entry is written: ∂L/∂W_l[o] is dW_l[o][0 … in − 1], ∂L/∂b_l[o] its last entry.
            for (int l = 0; l < last; l++) {
                int in = network.width(l);
                for (int o = 0; o < network.width(l + 1); o++) {
                    double[] unit = weightGradient[l][o];
                    System.arraycopy(unit, 0, gradient, network.weightOffset(l) + o * in, in);
                    gradient[network.biasOffset(l) + o] = unit[in];
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

    /** n rows of w values and a 1 after them: A_l by rows, the 1 standing for the bias's input. */
    private static double[][] withOnes(int n, int w) {
        double[][] rows = new double[n][w + 1];
        for (double[] row : rows) {
            row[w] = 1;
        }
        return rows;
    }

    /**
     * A₀ and Aᵀ₀ of a block: the inputs of rows {@code rows[at … at + n − 1]}, or of the
     * {@code block}-th block of rows in order when rows is null (taken as they are, not copied).
     */
    private void inputs(int[] rows, int at, int block, int n) {
        double[][] byRow = rowsOfA[0];
        if (rows == null) {
            columns[0] = inputBlocks[block];
            System.arraycopy(exampleRows, block * rowsPerBlock, byRow, 0, n);
            return;
        }
        columns[0] = pickedInputs;
        for (int r = 0; r < n; r++) {
            byRow[r] = exampleRows[rows[at + r]];
        }
        for (int j = 0; j < network.inputs(); j++) {
            double[] unit = pickedInputs[j];
            for (int r = 0; r < n; r++) {
                unit[r] = byRow[r][j];
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
            int b = network.biasOffset(l);
            double[][] pre = preColumns[l + 1];
            for (int o = 0; o < out; o++) {
                Arrays.fill(pre[o], 0, n, theta[b + o]);
            }
            ColumnProduct.accumulate(pre, out, theta, network.weightOffset(l), in, 1, columns[l], in, n);
            if (l + 1 < layers) {
                double[][] post = columns[l + 1];
                double[][] byRow = rowsOfA[l + 1];
                for (int o = 0; o < out; o++) {
                    act.applyAll(pre[o], post[o], 0, n, high, low);
                }
                transpose(post, out, n, byRow);
            }
        }
    }

    /**
     * byRow[r][o] = columns[o][r] for o &lt; units, r &lt; n: four units at a time, so that each row
     * takes four neighbouring values at once.
     */
    private static void transpose(double[][] columns, int units, int n, double[][] byRow) {
        int o = 0;
        for (; o + 3 < units; o += 4) {
            double[] c0 = columns[o];
            double[] c1 = columns[o + 1];
            double[] c2 = columns[o + 2];
            double[] c3 = columns[o + 3];
            for (int r = 0; r < n; r++) {
                double[] row = byRow[r];
                row[o] = c0[r];
                row[o + 1] = c1[r];
                row[o + 2] = c2[r];
                row[o + 3] = c3[r];
            }
        }
        for (; o < units; o++) {
            double[] unit = columns[o];
            for (int r = 0; r < n; r++) {
                byRow[r][o] = unit[r];
            }
        }
    }

    /** Adds the block's ∂L/∂W and ∂L/∂b to {@link #weightGradient}, from Δᵀ_L already in place. */
    private void backward(double[] theta, int n) {
        Activation act = network.activation();
        for (int l = network.layers() - 1; l >= 0; l--) {
            int in = network.width(l);
            int out = network.width(l + 1);
            double[][] d = deltaColumns[l + 1];
            for (int o = 0; o < out; o++) {
                System.arraycopy(d[o], 0, flatDelta, o * n, n);
            }
            // [∂L/∂W_l | ∂L/∂b_l][o] += Σ_r Δ[o][r]·[A_l[r] | 1]: M = Δ (o·n + r in flatDelta), X = the
            // activations row by row, each with a 1 after them for the bias.
            ColumnProduct.accumulate(weightGradient[l], out, flatDelta, 0, n, 1, rowsOfA[l], n, in + 1);
            if (l > 0) {
                double[][] back = deltaColumns[l];
                for (int j = 0; j < in; j++) {
                    Arrays.fill(back[j], 0, n, 0);
                }
                // Δᵀ_l[j] = Σ_o W_l[o][j]·Δᵀ_{l+1}[o]: M = W_lᵀ, M[j][o] = θ[w + o·in + j].
                ColumnProduct.accumulate(back, in, theta, network.weightOffset(l), 1, in, d, out, n);
                for (int j = 0; j < in; j++) {
                    act.multiplyByDerivative(back[j], preColumns[l][j], columns[l][j], 0, n);
                }
            }
        }
    }
}
