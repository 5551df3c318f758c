package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The models {@code train} builds, each PyTorch's {@code nn.Sequential} of {@code Linear} layers
 * ({@link Network}), and which loss each takes with which labels.
 */
public enum ModelKind {

    /** One {@code Linear} layer; MSE unless told otherwise (linear regression, on class codes too). */
    LINEAR,
    /**
     * One {@code Linear} layer read as logits: binary (one logit, BCE with logits) for two classes,
     * softmax over K classes (cross-entropy) for more.
     */
    LOGISTIC,
    /** Linear, activation, Linear, …, Linear: hidden layers of the widths given. */
    MLP;

    /** Hidden widths when {@code --hidden} is not given for an MLP. */
    public static final int[] DEFAULT_HIDDEN = {16, 16};

    /** The name users type. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelKind parse(String name) {
        for (ModelKind k : values()) {
            if (k.label().equals(name)) {
                return k;
            }
        }
        throw InvalidInputException.unknownName("model", name, Arrays.stream(values()).map(ModelKind::label).toList());
    }

    /**
     * The loss when none is given: MSE for real labels; for class labels MSE with a linear model,
     * else BCE with logits for two classes and cross-entropy for more.
     */
    public Loss defaultLoss(Examples examples) {
        if (!examples.classification() || this == LINEAR) {
            return Loss.MSE;
        }
        return examples.classes() == 2 ? Loss.BCE : Loss.CE;
    }

    /**
     * The objective of this model on {@code examples}: the network's widths from the examples'
     * inputs, {@code hidden} and the outputs the loss needs (one for MSE on real or 0/1 labels and
     * for BCE, K for cross-entropy and for MSE on K &gt; 2 classes, one-hot).
     *
     * @param hidden the hidden widths (MLP only; null for its default)
     * @param loss   the loss, or null for {@link #defaultLoss}
     */
    public Objective objective(Examples examples, int[] hidden, Activation activation, Loss loss) {
        if (hidden != null && this != MLP) {
            throw new InvalidInputException("hidden", label() + " has no hidden layers; --hidden is for --model mlp");
        }
        String data = examples.name();
        if (this == LOGISTIC && !examples.classification()) {
            throw new InvalidInputException("model", "logistic needs class labels; " + data + " has real labels (use linear)");
        }
        Loss chosen = loss != null ? loss : defaultLoss(examples);
        switch (chosen) {
            case BCE -> {
                if (examples.classes() != 2) {
                    throw new InvalidInputException("loss", "bce needs labels of two classes; " + data + " has "
                            + (examples.classification() ? examples.classes() + " classes (use ce)" : "real labels (use mse)"));
                }
            }
            case CE -> {
                if (!examples.classification()) {
                    throw new InvalidInputException("loss", "ce needs class labels; " + data + " has real labels (use mse)");
                }
            }
            case MSE -> {
                if (this == LOGISTIC) {
                    throw new InvalidInputException("loss", "logistic reads its outputs as logits, for bce or ce; "
                            + "for mse use --model linear");
                }
            }
        }
        int outputs = switch (chosen) {
            case BCE -> 1;
            case CE -> examples.classes();
            case MSE -> examples.classes() > 2 ? examples.classes() : 1;
        };
        int[] inner = this == MLP ? (hidden != null ? hidden : DEFAULT_HIDDEN) : new int[0];
        int[] widths = new int[inner.length + 2];
        widths[0] = examples.inputs();
        System.arraycopy(inner, 0, widths, 1, inner.length);
        widths[widths.length - 1] = outputs;
        return new Objective(new Network(widths, activation), chosen, examples);
    }
}
