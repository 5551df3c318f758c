package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parameter of a network named as its {@code state_dict} entry is indexed in PyTorch:
 * {@code 0.weight[3][1]} is row 3 (output unit), column 1 (input) of the first layer's weight,
 * {@code 2.bias[0]} the second layer's first bias.
 *
 * @param name  the name as written
 * @param index its place in the flat θ ({@link Network}'s {@code state_dict} order)
 */
public record ParameterName(String name, int index) {

    private static final Pattern WEIGHT = Pattern.compile("(\\d{1,4})\\.weight\\[(\\d{1,9})]\\[(\\d{1,9})]");
    private static final Pattern BIAS = Pattern.compile("(\\d{1,4})\\.bias\\[(\\d{1,9})]");

    /**
     * The parameter {@code name} of {@code network}.
     *
     * @param field the option that gave it, for errors
     * @throws InvalidInputException naming the valid keys and index ranges when there is no such parameter
     */
    public static ParameterName parse(Network network, String name, String field) {
        String text = name.strip();
        Matcher w = WEIGHT.matcher(text);
        Matcher b = BIAS.matcher(text);
        boolean weight = w.matches();
        Matcher m = weight ? w : b;
        if (!weight && !b.matches()) {
            throw unknown(network, text, field, "it is not of the form KEY.weight[ROW][COLUMN] or KEY.bias[ROW]");
        }
        int key = Integer.parseInt(m.group(1));
        if (key % 2 != 0 || key / 2 >= network.layers()) {
            throw unknown(network, text, field, "the network has no layer \"" + key + "\"");
        }
        int l = key / 2;
        int row = Integer.parseInt(m.group(2));
        if (row >= network.width(l + 1)) {
            throw unknown(network, text, field, "row " + row + " is beyond the layer's " + network.width(l + 1) + " outputs");
        }
        if (!weight) {
            return new ParameterName(text, network.biasOffset(l) + row);
        }
        int column = Integer.parseInt(m.group(3));
        if (column >= network.width(l)) {
            throw unknown(network, text, field, "column " + column + " is beyond the layer's " + network.width(l) + " inputs");
        }
        return new ParameterName(text, network.weightOffset(l) + row * network.width(l) + column);
    }

    private static InvalidInputException unknown(Network network, String name, String field, String why) {
        return new InvalidInputException(field, "no parameter '" + name + "' (" + why + "); the " + network.shape()
                + " network's parameters are " + String.join(", ", ranges(network)));
    }

    /** "0.weight[0…15][0…1]", "0.bias[0…15]", …: every key with its index ranges. */
    static List<String> ranges(Network network) {
        List<String> ranges = new ArrayList<>();
        for (int l = 0; l < network.layers(); l++) {
            String rows = "[0…" + (network.width(l + 1) - 1) + "]";
            ranges.add(2 * l + ".weight" + rows + "[0…" + (network.width(l) - 1) + "]");
            ranges.add(2 * l + ".bias" + rows);
        }
        return ranges;
    }
}
