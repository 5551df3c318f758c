package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import java.util.Arrays;

/**
 * A network as a person names it — the model, its hidden widths, the activation and the loss — read
 * from the words the CLI's options ({@code --model mlp --hidden 16,16 --activation tanh --loss bce})
 * and the web lab's fields both use, so the two accept and refuse alike and say so alike.
 *
 * @param hidden     the MLP's hidden widths, or null for {@link ModelKind#DEFAULT_HIDDEN}
 * @param activation between two linear layers
 * @param loss       the loss, or null for the model's default on the data ({@link ModelKind#defaultLoss})
 */
public record Architecture(ModelKind model, int[] hidden, Activation activation, Loss loss) {

    /** Widest hidden layer. */
    public static final int MAX_WIDTH = 4096;

    public Architecture {
        hidden = hidden == null ? null : hidden.clone();
    }

    /**
     * The architecture the words name; null or blank words take their defaults (mlp, 16,16, tanh,
     * the model's loss).
     *
     * @throws InvalidInputException naming the field at fault: {@code model}, {@code hidden},
     *         {@code activation} or {@code loss}
     */
    public static Architecture parse(String model, String hidden, String activation, String loss) {
        return new Architecture(blank(model) ? ModelKind.MLP : ModelKind.parse(model.strip()),
                blank(hidden) ? null : widths(hidden, "hidden"), blank(activation) ? Activation.TANH : activation(activation.strip()),
                blank(loss) ? null : loss(loss.strip()));
    }

    /**
     * "16,16" → {16, 16}: each a whole number in 1 … {@link #MAX_WIDTH}.
     *
     * @param said how the message names the input: {@code --hidden} on the command line, {@code hidden} in the API
     */
    public static int[] widths(String text, String said) {
        String[] parts = text.split(",", -1);
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!p.matches("\\d{1,9}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > MAX_WIDTH) {
                throw new InvalidInputException("hidden", said + " takes widths from 1 to " + MAX_WIDTH
                        + " separated by commas, such as 16,16; got \"" + text + "\" (\"" + p + "\" is not one)");
            }
            widths[i] = Integer.parseInt(p);
        }
        return widths;
    }

    /** tanh, relu, sigmoid or gelu. */
    public static Activation activation(String name) {
        for (Activation a : Activation.values()) {
            if (a.label().equals(name)) {
                return a;
            }
        }
        throw InvalidInputException.unknownName("activation", name, Arrays.stream(Activation.values()).map(Activation::label).toList());
    }

    /** mse, bce or ce. */
    public static Loss loss(String name) {
        for (Loss l : Loss.values()) {
            if (l.label().equals(name)) {
                return l;
            }
        }
        throw InvalidInputException.unknownName("loss", name, Arrays.stream(Loss.values()).map(Loss::label).toList());
    }

    /** The network, loss and examples this names on {@code examples} ({@link ModelKind#objective}). */
    public Objective objective(Examples examples) {
        return model.objective(examples, hidden, activation, loss);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
