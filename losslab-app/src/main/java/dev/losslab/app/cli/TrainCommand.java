package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.net.Curvature;
import dev.losslab.core.net.EveryKthStep;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrainStep;
import dev.losslab.core.net.Training;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code losslab train}: a small network (linear, logistic, MLP) trained on a dataset by one
 * optimizer, one row per step: the full-data loss, the batch loss, accuracy, gradient norm and lr
 * ({@code docs/NETWORKS.md}).
 */
final class TrainCommand extends Subcommand {

    static final String NAME = "train";

    private static final Opt<Integer> SHARPNESS_EVERY = Opt.integer("--sharpness-every", "K",
            "the sharpness, the largest eigenvalue of the full-data loss's Hessian (Lanczos on exact Hessian-vector "
                    + "products), at steps 0, K, 2K, … and the last; compare it with 2/lr (default: never)");
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");

    static final List<String> COLUMNS = List.of("step", "loss", "batch_loss", "accuracy", "grad_norm", "lr", "sharpness");

    TrainCommand() {
        super(NAME, List.of("Train a small network on a dataset with one optimizer, as PyTorch would",
                        "(float64), one row per step: the mean loss over every training row, the",
                        "batch's loss, accuracy, the gradient norm, the lr (and the sharpness).",
                        "From the same --init and --batches the curves equal torch's to ~1e-9",
                        "(docs/NETWORKS.md)."),
                options());
    }

    private static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(NetworkOptions.MODEL_OPTIONS);
        options.addAll(List.of(OptimizerOption.OPTIMIZER, TrainingOptions.LEARNING_RATE, TrainingOptions.STEPS,
                TrainingOptions.BATCH_SIZE, NetworkOptions.SEED, NetworkOptions.INIT, TrainingOptions.BATCHES,
                SHARPNESS_EVERY, FORMAT, RunOptions.SCHEDULE));
        options.addAll(TrainingOptions.RULE_PARAMETERS);
        return options;
    }

    @Override
    public Integer call() throws Exception {
        Integer every = get(SHARPNESS_EVERY);
        if (every != null && every < 1) {
            throw InvalidInputException.outOfRange("sharpness-every", "a whole number of steps >= 1", every);
        }
        TrainingOptions.Setup setup = TrainingOptions.read(this);
        Training.Spec spec = every == null ? setup.spec() : setup.spec().withSharpnessEvery(every);
        OutputFormat format = get(FORMAT);
        if (format == OutputFormat.csv) {
            out.println(String.join(",", COLUMNS));
        }
        Consumer<TrainStep> each = format == OutputFormat.csv ? s -> out.println(csvRow(s)) : s -> { };
        TrainResult result;
        try (LongWork work = LongWork.start(err, NAME)) {
            result = Training.run(spec, each, work.job().checkpoint());
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        switch (format) {
            case csv -> {
                if (!result.stop().equals("max-steps")) {
                    err.println("stopped: " + result.stop() + ": " + result.detail());
                }
            }
            case text -> text(setup, spec, result, out);
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(json(setup, result)));
        }
        return Main.OK;
    }

    /** One CSV row; NaN (no batch after the last step, no accuracy for real labels) as an empty cell. */
    static String csvRow(TrainStep s) {
        return s.step() + "," + cell(s.loss()) + "," + cell(s.batchLoss()) + "," + cell(s.accuracy()) + ","
                + cell(s.gradNorm()) + "," + cell(s.lr()) + "," + cell(s.sharpness());
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Numbers.exact(v);
    }

    private static String modelText(Objective o, ModelKind model) {
        return model.label() + " " + o.network().shape() + (o.network().layers() > 1 ? " (" + o.network().activation().label() + ")" : "")
                + ", " + o.loss().label() + " on " + o.examples().name() + " (" + o.examples().rows() + " rows), "
                + String.format(Locale.ROOT, "%,d", o.network().parameterCount()) + " parameters";
    }

    static void text(TrainingOptions.Setup setup, Training.Spec spec, TrainResult result, PrintWriter out) {
        Objective o = spec.objective();
        out.println(modelText(o, setup.model()));
        out.printf(Locale.ROOT, "%s lr %s (%s schedule), %d steps, %s; init: %s%n", setup.kind().name(),
                Numbers.brief(spec.learningRate()), spec.schedule().name(), spec.steps(),
                setup.batchText(), setup.initText());
        boolean classes = o.examples().classification();
        List<TrainStep> rows = result.steps();
        int checkEvery = spec.sharpnessEvery();
        boolean sharp = checkEvery > 0;
        out.printf(Locale.ROOT, "%8s %14s %14s %9s %12s %10s%s%n", "step", "loss", "batch_loss", classes ? "accuracy" : "",
                "grad_norm", "lr", sharp ? String.format(Locale.ROOT, " %12s", "sharpness") : "");
        // About twenty rows; with sharpness, only the checks (a check Lanczos could not pin is NaN, and
        // shown as such) and the last step reached.
        List<TrainStep> shown = rows.stream().filter(s -> !sharp || s == rows.getLast()
                || EveryKthStep.includes(s.step(), checkEvery, spec.steps())).toList();
        int every = Math.max(1, (shown.size() - 1) / 20);
        for (int i = 0; i < shown.size(); i++) {
            if (i % every != 0 && i != shown.size() - 1) {
                continue;
            }
            TrainStep s = shown.get(i);
            out.printf(Locale.ROOT, "%8d %14s %14s %9s %12s %10s%s%n", s.step(), Numbers.brief(s.loss()),
                    Double.isNaN(s.batchLoss()) ? "" : Numbers.brief(s.batchLoss()),
                    classes ? String.format(Locale.ROOT, "%.1f %%", 100 * s.accuracy()) : "",
                    Numbers.brief(s.gradNorm()), Double.isNaN(s.lr()) ? "" : Numbers.brief(s.lr()),
                    sharp ? String.format(Locale.ROOT, " %12s", sharpnessCell(s, checkEvery, spec.steps())) : "");
        }
        // counted over every check, printed or not: a thinned table must not hide one
        long checks = shown.stream().filter(s -> !sharpnessCell(s, checkEvery, spec.steps()).isEmpty()).count();
        long unpinned = shown.stream().filter(s -> sharpnessCell(s, checkEvery, spec.steps()).equals(NOT_PINNED)).count();
        if (unpinned > 0) {
            out.printf(Locale.ROOT, "not pinned (%d of %d checks): Lanczos did not pin the largest eigenvalue to a relative %s "
                    + "within its iterations, so no number is given%n", unpinned, checks, Numbers.brief(Curvature.SHARPNESS_TOLERANCE));
        }
        if (sharp && spec.learningRate() > 0) {
            out.printf(Locale.ROOT, "gradient descent on a quadratic of curvature h is stable for lr < 2/h: here 2/lr = %s%n",
                    Numbers.brief(2 / spec.learningRate()));
        }
        out.println("stop: " + result.stop() + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")"));
    }

    private static final String NOT_PINNED = "not pinned";

    /** A check's sharpness, "not pinned" where Lanczos could not pin it; blank on a step that is not a check. */
    private static String sharpnessCell(TrainStep s, int checkEvery, int steps) {
        if (checkEvery == 0 || !EveryKthStep.includes(s.step(), checkEvery, steps)) {
            return "";
        }
        return Double.isNaN(s.sharpness()) ? NOT_PINNED : Numbers.brief(s.sharpness());
    }

    static ObjectNode json(TrainingOptions.Setup setup, TrainResult result) {
        Objective o = setup.spec().objective();
        ObjectNode root = TrainingOptions.describe(setup);
        root.put("stop", result.stop());
        root.put("detail", result.detail());
        ArrayNode rows = root.putArray("rows");
        for (TrainStep s : result.steps()) {
            ObjectNode r = rows.addObject();
            r.put("step", s.step());
            JsonViews.put(r, "loss", s.loss());
            JsonViews.put(r, "batch_loss", s.batchLoss());
            JsonViews.put(r, "accuracy", s.accuracy());
            JsonViews.put(r, "grad_norm", s.gradNorm());
            JsonViews.put(r, "lr", s.lr());
            JsonViews.put(r, "sharpness", s.sharpness());
        }
        root.set("state_dict", JsonViews.MAPPER.valueToTree(o.network().stateDict(result.parameters())));
        return root;
    }
}
