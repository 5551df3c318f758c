package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.net.Batches;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrainStep;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.optim.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * {@code losslab train}: a small network (linear, logistic, MLP) trained on a dataset by one
 * optimizer, one row per step: the full-data loss, the batch loss, accuracy, gradient norm and lr
 * ({@code docs/NETWORKS.md}).
 */
final class TrainCommand extends Subcommand {

    static final String NAME = "train";

    /** Updates when neither --steps nor --batches says. */
    static final int DEFAULT_STEPS = 100;

    private static final Opt<Double> LEARNING_RATE = Opt.real("--lr", "LR",
            "learning rate (default: 0.1 for gd, sgd, momentum and the like; 0.001 for adaptive rules such as adam; 1 for lbfgs,",
            "adadelta, prodigy)");
    private static final Opt<Integer> STEPS = Opt.integer("--steps", "N",
            "updates (default: as many as --batches lists, else " + DEFAULT_STEPS + ")");
    private static final Opt<Integer> BATCH_SIZE = Opt.integer("--batch-size", "B",
            "B rows per update, drawn without replacement and reshuffled each epoch (default: every row, full batch)");
    private static final Opt<Path> BATCHES = Opt.path("--batches", "FILE.json",
            "the rows of each update: a JSON list of lists of row indices (0-based), one list per update");
    private static final Opt<Integer> SHARPNESS_EVERY = Opt.integer("--sharpness-every", "K",
            "the top Hessian eigenvalue every K steps (not computed yet: the sharpness column stays empty)");
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");

    static final List<String> COLUMNS = List.of("step", "loss", "batch_loss", "accuracy", "grad_norm", "lr", "sharpness");

    TrainCommand() {
        super(NAME, List.of("Train a small network on a dataset with one optimizer, as PyTorch would (float64), one row per step.",
                        "Each row: the mean loss over every training row, the batch's loss, accuracy, the gradient norm, the lr.",
                        "From the same --init and --batches the curves equal torch's to ~1e-9 (docs/NETWORKS.md)."),
                options());
    }

    private static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(NetworkOptions.MODEL_OPTIONS);
        options.addAll(List.of(OptimizerOption.OPTIMIZER, LEARNING_RATE, STEPS, BATCH_SIZE, NetworkOptions.SEED,
                NetworkOptions.INIT, BATCHES, SHARPNESS_EVERY, FORMAT, RunOptions.SCHEDULE));
        options.addAll(RunOptions.HYPER_PARAMETERS);
        RunOptions.all().stream().filter(RunOptions.SCHEDULE_PARAMETERS::contains).forEach(options::add);
        return options;
    }

    @Override
    public Integer call() throws Exception {
        if (get(SHARPNESS_EVERY) != null) {
            throw new InvalidInputException("sharpness-every", "--sharpness-every: sharpness (the top Hessian eigenvalue) is "
                    + "not computed yet; it needs Hessian-vector products, a later part of issue 17");
        }
        ModelKind model = NetworkOptions.model(this);
        Objective objective = NetworkOptions.objective(this);

        List<int[]> listed = get(BATCHES) == null ? null : NetworkOptions.batches(get(BATCHES));
        if (listed != null && get(BATCH_SIZE) != null) {
            throw new InvalidInputException("batch-size", "give --batch-size or --batches, not both");
        }
        int steps = get(STEPS) != null ? get(STEPS) : listed != null ? listed.size() : DEFAULT_STEPS;
        long seed = get(NetworkOptions.SEED);
        Batches batches = listed != null ? new Batches.Listed(listed)
                : get(BATCH_SIZE) != null ? new Batches.Sampled(get(BATCH_SIZE), seed) : new Batches.Full();

        OptimizerKind kind = OptimizerOption.kind(this);
        Double givenLr = get(LEARNING_RATE);
        double lr = givenLr != null ? givenLr : Training.defaultLearningRate(kind);
        RunOptions run = new RunOptions(steps, 0, givenLr, null, null, seed, get(RunOptions.SCHEDULE),
                RunOptions.given(this, RunOptions.HYPER_PARAMETERS), RunOptions.given(this, RunOptions.SCHEDULE_PARAMETERS));
        Settings settings = kind.settings(run.optimizerParametersFor(kind));
        Schedule schedule = Schedules.create(run.schedule(), run.scheduleParametersFor(kind, false), steps);
        Path init = get(NetworkOptions.INIT);
        double[] theta = NetworkOptions.initial(this, objective);
        Training.Spec spec = new Training.Spec(objective, kind.build(settings), kind.name(), lr, schedule, steps, batches, theta);

        OutputFormat format = get(FORMAT);
        String initText = init == null ? "PyTorch's scheme from LossLab's generator, seed " + seed : init.toString();
        String batchText = switch (batches) {
            case Batches.Full f -> "full batch";
            case Batches.Sampled s -> "minibatches of " + s.size() + " (seed " + seed + ")";
            case Batches.Listed l -> "batches from " + get(BATCHES);
        };
        if (format == OutputFormat.csv) {
            out.println(String.join(",", COLUMNS));
        }
        Consumer<TrainStep> each = format == OutputFormat.csv ? s -> out.println(csvRow(s)) : s -> { };
        TrainResult result;
        try (LongWork work = LongWork.start(err, NAME)) {
            result = Training.run(spec, each, k -> {
                if (work.job().isCancelled()) {
                    throw new CancellationException();
                }
            });
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
            case text -> text(objective, model, kind, settings, lr, schedule, steps, batchText, initText, result, out);
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(
                    json(objective, model, kind, settings, lr, schedule, steps, batchText, initText, result)));
        }
        return Main.OK;
    }

    /** One CSV row; NaN (no batch after the last step, no accuracy for real labels) as an empty cell. */
    static String csvRow(TrainStep s) {
        return s.step() + "," + cell(s.loss()) + "," + cell(s.batchLoss()) + "," + cell(s.accuracy()) + ","
                + cell(s.gradNorm()) + "," + cell(s.lr()) + ",";
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Numbers.exact(v);
    }

    private static String modelText(Objective o, ModelKind model) {
        return model.label() + " " + o.network().shape() + (o.network().layers() > 1 ? " (" + o.network().activation().label() + ")" : "")
                + ", " + o.loss().label() + " on " + o.examples().name() + " (" + o.examples().rows() + " rows), "
                + String.format(Locale.ROOT, "%,d", o.network().parameterCount()) + " parameters";
    }

    static void text(Objective o, ModelKind model, OptimizerKind kind, Settings settings, double lr, Schedule schedule,
            int steps, String batchText, String initText, TrainResult result, PrintWriter out) {
        out.println(modelText(o, model));
        out.printf(Locale.ROOT, "%s lr %s (%s schedule), %d steps, %s; init: %s%n", kind.name(), Numbers.brief(lr),
                schedule.name(), steps, batchText, initText);
        boolean classes = o.examples().classification();
        out.printf(Locale.ROOT, "%8s %14s %14s %9s %12s %10s%n", "step", "loss", "batch_loss", classes ? "accuracy" : "", "grad_norm", "lr");
        List<TrainStep> rows = result.steps();
        int every = Math.max(1, (rows.size() - 1) / 20);
        for (int i = 0; i < rows.size(); i++) {
            if (i % every != 0 && i != rows.size() - 1) {
                continue;
            }
            TrainStep s = rows.get(i);
            out.printf(Locale.ROOT, "%8d %14s %14s %9s %12s %10s%n", s.step(), Numbers.brief(s.loss()),
                    Double.isNaN(s.batchLoss()) ? "" : Numbers.brief(s.batchLoss()),
                    classes ? String.format(Locale.ROOT, "%.1f %%", 100 * s.accuracy()) : "",
                    Numbers.brief(s.gradNorm()), Double.isNaN(s.lr()) ? "" : Numbers.brief(s.lr()));
        }
        out.println("stop: " + result.stop() + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")"));
    }

    static ObjectNode json(Objective o, ModelKind model, OptimizerKind kind, Settings settings, double lr, Schedule schedule,
            int steps, String batchText, String initText, TrainResult result) {
        ObjectNode root = JsonViews.object();
        ObjectNode m = root.putObject("model");
        m.put("kind", model.label());
        m.put("shape", o.network().shape());
        m.put("activation", o.network().layers() > 1 ? o.network().activation().label() : null);
        m.put("loss", o.loss().label());
        m.put("parameters", o.network().parameterCount());
        ObjectNode data = root.putObject("data");
        data.put("name", o.examples().name());
        data.put("rows", o.examples().rows());
        ObjectNode opt = root.putObject("optimizer");
        opt.put("name", kind.name());
        JsonViews.put(opt, "lr", lr);
        opt.set("settings", JsonViews.MAPPER.valueToTree(new TreeMap<>(settings.values())));
        root.put("schedule", schedule.name());
        root.put("steps", steps);
        root.put("batches", batchText);
        root.put("init", initText);
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
            r.putNull("sharpness");
        }
        root.set("state_dict", JsonViews.MAPPER.valueToTree(o.network().stateDict(result.parameters())));
        return root;
    }
}
