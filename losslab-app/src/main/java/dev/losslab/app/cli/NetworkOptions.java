package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.net.Activation;
import dev.losslab.core.net.Architecture;
import dev.losslab.core.net.Examples;
import dev.losslab.core.net.Loss;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The options that say which network to build, on which data, from which weights: shared by every
 * command that trains or looks at a network ({@code train}, {@code slice}, …), so each reads them
 * the same way and says the same thing when they are wrong.
 */
final class NetworkOptions {

    static final Opt<String> DATA = Opt.text("--data", "NAME|FILE.csv",
            "the training rows: a built-in dataset (" + String.join(", ", Datasets.names()) + ") or a CSV file").mandatory();
    static final Opt<String> MODEL = Opt.text("--model", "linear|logistic|mlp",
            "linear: one Linear layer (mse); logistic: one Linear layer of logits (bce for two classes, ce for more); "
                    + "mlp: Linear, activation, Linear, … (nn.Sequential)").mandatory();
    static final Opt<String> HIDDEN = Opt.text("--hidden", "W1,W2,…",
            "the MLP's hidden widths, each 1 to " + Architecture.MAX_WIDTH + " (default: 16,16)");
    static final Opt<String> ACTIVATION = Opt.text("--activation", "tanh|relu|sigmoid|gelu",
            "the MLP's activation; gelu is the exact (erf) GELU (default: ${DEFAULT-VALUE})").defaultValue("tanh");
    static final Opt<String> LOSS = Opt.text("--loss", "mse|bce|ce",
            "mean squared error, binary cross-entropy with logits, softmax cross-entropy (default: mse for real labels "
                    + "and for linear; bce for two classes, ce for more)");
    static final Opt<Long> SEED = Opt.whole("--seed", "S",
            "seed of the initial weights (without --init) and of the minibatches (default: ${DEFAULT-VALUE})").defaultValue(0L);
    static final Opt<Path> INIT = Opt.path("--init", "FILE.json",
            "initial weights: the model's state_dict as {k: v.tolist() for k, v in model.state_dict().items()} writes it "
                    + "(default: PyTorch's initialisation scheme drawn from LossLab's own generator seeded by --seed)");

    /** The data and the model's shape, in the order help lists them. */
    static final List<Opt<?>> MODEL_OPTIONS = List.of(DATA, MODEL, HIDDEN, ACTIVATION, LOSS);

    private NetworkOptions() {}

    static ModelKind model(Subcommand command) {
        return ModelKind.parse(command.get(MODEL));
    }

    /** The network, its loss and its examples, from {@link #MODEL_OPTIONS}, read as the web lab reads them ({@link Architecture}). */
    static Objective objective(Subcommand command) {
        return objectives(command).get();
    }

    /**
     * As {@link #objective}, with the data read once: each call makes a fresh objective over the same
     * examples, one for each thread that trains (an objective holds one evaluation's scratch).
     */
    static Supplier<Objective> objectives(Subcommand command) {
        Activation activation = Architecture.activation(command.get(ACTIVATION));
        Loss loss = command.get(LOSS) == null ? null : Architecture.loss(command.get(LOSS));
        int[] hidden = command.get(HIDDEN) == null ? null : Architecture.widths(command.get(HIDDEN), "--hidden");
        Examples examples = Examples.of(Datasets.resolve(command.get(DATA), true));
        Architecture architecture = new Architecture(model(command), hidden, activation, loss);
        architecture.objective(examples); // bad combinations fail here, not in a worker thread
        return () -> architecture.objective(examples);
    }

    /** θ₀: from {@link #INIT}'s state_dict, else PyTorch's scheme drawn with {@link #SEED}. */
    static double[] initial(Subcommand command, Objective objective) {
        Path init = command.get(INIT);
        return init == null ? objective.network().initialParameters(command.get(SEED))
                : objective.network().parametersFrom(stateDict(init, "init"), "init");
    }

    /** A JSON file's value; {@code field} names the option that gave the file, for errors. */
    static Object readJson(Path file, String field) {
        try {
            return JsonViews.MAPPER.readValue(Files.readString(file), Object.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "--" + field + " " + file + " is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : ""));
        } catch (IOException e) {
            throw new InvalidInputException(field, "cannot read --" + field + " " + file + ": " + e);
        }
    }

    /** A state_dict file: a JSON object of tensors by key. */
    @SuppressWarnings("unchecked")
    static Map<String, ?> stateDict(Path file, String field) {
        if (!(readJson(file, field) instanceof Map<?, ?> map)) {
            throw new InvalidInputException(field, "--" + field + " " + file + " must hold a JSON object, the state_dict by key");
        }
        return (Map<String, ?>) map;
    }

    /** The lists of row indices in a --batches file; the rows' range is checked by the core, against the data. */
    static List<int[]> batches(Path file) {
        if (!(readJson(file, "batches") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException("batches", "--batches " + file + " must hold a non-empty JSON list of lists of row indices");
        }
        List<int[]> batches = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            if (!(list.get(k) instanceof List<?> rows)) {
                throw new InvalidInputException("batches", "--batches " + file + ": entry " + k + " is not a list of row indices");
            }
            int[] batch = new int[rows.size()];
            for (int i = 0; i < batch.length; i++) {
                if (!(rows.get(i) instanceof Integer r)) {
                    throw new InvalidInputException("batches", "--batches " + file + ": batch " + k + " has "
                            + rows.get(i) + ", not a row index");
                }
                batch[i] = r;
            }
            batches.add(batch);
        }
        return batches;
    }
}
