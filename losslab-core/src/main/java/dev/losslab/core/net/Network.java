package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A fully connected network as PyTorch's {@code nn.Sequential(Linear(w₀, w₁), act, Linear(w₁, w₂),
 * act, …, Linear(w_{L−1}, w_L))}: L linear layers of widths w₀ (the inputs) … w_L (the outputs),
 * the activation between two of them and none after the last. One layer and no activation is the
 * linear and logistic model.
 *
 * <p><b>Parameters</b> are one flat vector θ in {@code state_dict} order: for each layer l its weight
 * W_l (w_{l+1} rows of w_l, row-major, {@code "2l.weight"}: the Sequential's index counts the
 * activation modules too) then its bias b_l ({@code "2l.bias"}). Layer l computes
 * z_{l+1} = W_l·a_l + b_l, as {@code Linear} does (x·Wᵀ + b on a row x).
 */
public final class Network {

    /** Most parameters a network may have: keeps the optimizer's buffers small (L-BFGS keeps 2·100 vectors of N). */
    public static final int MAX_PARAMETERS = 100_000;
    /** Most hidden layers. */
    public static final int MAX_HIDDEN_LAYERS = 16;

    private final int[] widths;
    private final Activation activation;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int parameters;

    /**
     * @param widths     w₀ … w_L: the inputs, each hidden layer's width, the outputs (at least two)
     * @param activation between two linear layers (unused with one layer)
     */
    public Network(int[] widths, Activation activation) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("a network has inputs and outputs");
        }
        if (widths.length - 2 > MAX_HIDDEN_LAYERS) {
            throw new InvalidInputException("hidden", "at most " + MAX_HIDDEN_LAYERS + " hidden layers, got " + (widths.length - 2));
        }
        this.widths = widths.clone();
        this.activation = activation;
        int layers = widths.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        long at = 0;
        for (int l = 0; l < layers; l++) {
            if (widths[l] < 1 || widths[l + 1] < 1) {
                throw new InvalidInputException("hidden", "every layer needs at least one unit, got widths "
                        + Arrays.toString(widths));
            }
            weightOffset[l] = (int) Math.min(at, Integer.MAX_VALUE);
            at += (long) widths[l + 1] * widths[l];
            biasOffset[l] = (int) Math.min(at, Integer.MAX_VALUE);
            at += widths[l + 1];
            if (at > MAX_PARAMETERS) {
                throw new InvalidInputException("hidden", "the network " + shape() + " has more than "
                        + String.format(Locale.ROOT, "%,d", MAX_PARAMETERS) + " parameters");
            }
        }
        parameters = (int) at;
    }

    /** N, the length of θ. */
    public int parameterCount() {
        return parameters;
    }

    /** L, the number of linear layers. */
    public int layers() {
        return widths.length - 1;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** w_l. */
    public int width(int l) {
        return widths[l];
    }

    public Activation activation() {
        return activation;
    }

    /** "2-16-16-1". */
    public String shape() {
        return Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    int weightOffset(int l) {
        return weightOffset[l];
    }

    int biasOffset(int l) {
        return biasOffset[l];
    }

    /** The state_dict's keys, in order: "0.weight", "0.bias", "2.weight", … */
    public List<String> stateDictKeys() {
        List<String> keys = new ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            keys.add(2 * l + ".weight");
            keys.add(2 * l + ".bias");
        }
        return keys;
    }

    /**
     * PyTorch's default initialisation of each {@code Linear}, weight then bias, layer by layer:
     * weights by {@code kaiming_uniform_(a=√5)}, whose bound gain·√(3/fan_in) with
     * gain = √(2/(1 + a²)) = √(1/3) is 1/√fan_in, and biases uniform in ±1/√fan_in; fan_in = w_l.
     * The scheme is torch's, the numbers are not: they come from Java's {@link SplittableRandom}
     * seeded with {@code seed}, not torch's generator, so equal curves need {@code --init}.
     */
    public double[] initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[parameters];
        for (int l = 0; l < layers(); l++) {
            double bound = 1 / Math.sqrt(widths[l]);
            for (int p = weightOffset[l]; p < biasOffset[l] + widths[l + 1]; p++) {
                theta[p] = random.nextDouble(-bound, bound);
            }
        }
        return theta;
    }

    /**
     * θ from a state_dict as {@code {k: v.tolist() for k, v in model.state_dict().items()}} writes
     * it: every key of {@link #stateDictKeys} (in any order, no others), weights as lists of rows,
     * biases as lists, of numbers.
     *
     * @param field the input that gave it, for errors ({@code init})
     */
    public double[] parametersFrom(Map<String, ?> stateDict, String field) {
        List<String> keys = stateDictKeys();
        for (String key : stateDict.keySet()) {
            if (!keys.contains(key)) {
                throw new InvalidInputException(field, "the state_dict has " + quoted(key) + ", which the network "
                        + shape() + " does not; its keys are " + String.join(", ", keys));
            }
        }
        double[] theta = new double[parameters];
        for (int l = 0; l < layers(); l++) {
            String w = 2 * l + ".weight";
            String b = 2 * l + ".bias";
            List<?> rows = list(stateDict.get(w), w, field, widths[l + 1]);
            for (int o = 0; o < widths[l + 1]; o++) {
                List<?> row = list(rows.get(o), w + "[" + o + "]", field, widths[l]);
                for (int j = 0; j < widths[l]; j++) {
                    theta[weightOffset[l] + o * widths[l] + j] = number(row.get(j), w + "[" + o + "][" + j + "]", field);
                }
            }
            List<?> bias = list(stateDict.get(b), b, field, widths[l + 1]);
            for (int o = 0; o < widths[l + 1]; o++) {
                theta[biasOffset[l] + o] = number(bias.get(o), b + "[" + o + "]", field);
            }
        }
        return theta;
    }

    /** θ as a state_dict: weights as lists of rows, biases as lists, in key order. */
    public Map<String, Object> stateDict(double[] theta) {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (int l = 0; l < layers(); l++) {
            List<List<Double>> rows = new ArrayList<>();
            for (int o = 0; o < widths[l + 1]; o++) {
                List<Double> row = new ArrayList<>();
                for (int j = 0; j < widths[l]; j++) {
                    row.add(theta[weightOffset[l] + o * widths[l] + j]);
                }
                rows.add(row);
            }
            dict.put(2 * l + ".weight", rows);
            List<Double> bias = new ArrayList<>();
            for (int o = 0; o < widths[l + 1]; o++) {
                bias.add(theta[biasOffset[l] + o]);
            }
            dict.put(2 * l + ".bias", bias);
        }
        return dict;
    }

    private static List<?> list(Object value, String key, String field, int length) {
        if (value == null) {
            throw new InvalidInputException(field, "the state_dict lacks " + quoted(key));
        }
        if (!(value instanceof List<?> list) || list.size() != length) {
            throw new InvalidInputException(field, quoted(key) + " must be a list of " + length + " entries, got "
                    + (value instanceof List<?> l ? l.size() + " entries" : "a " + kind(value)));
        }
        return list;
    }

    private static double number(Object value, String key, String field) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new InvalidInputException(field, quoted(key) + " must be a finite number, got " + kind(value));
        }
        return n.doubleValue();
    }

    private static String kind(Object value) {
        return value == null ? "null" : value instanceof List<?> ? "list" : value instanceof Number ? String.valueOf(value)
                : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String quoted(String key) {
        return "\"" + key + "\"";
    }
}
