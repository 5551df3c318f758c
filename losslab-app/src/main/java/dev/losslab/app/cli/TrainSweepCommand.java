package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.Job;
import dev.losslab.core.net.EveryKthStep;
import dev.losslab.core.net.Examples;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code losslab train-sweep}: many training runs of one network on one dataset, every combination
 * of optimizers × learning rates × batch sizes × seeds ({@link TrainSweep}), one JSON line per run
 * ({@link TrainSweepLine}) written as it ends, or with {@code --format text|csv|json} the table of
 * all of them at the end ({@link TrainSweepTable}). {@code --shard i/n} runs one n-th of the runs, so
 * a cluster's scheduler can run the shards side by side; {@code train-sweep merge} joins their lines
 * into the table one machine would have written ({@code docs/NETWORKS.md}).
 *
 * <p>Not a mode of {@code sweep}: that one varies an optimizer's hyper-parameters on a 2-D surface
 * from one start and counts steps to converge; this one trains networks, whose runs differ in data
 * order and initial weights (seeds), and is built to be split over machines.
 */
final class TrainSweepCommand extends Subcommand {

    static final String NAME = "train-sweep";

    /** Lines of JSON, written as runs end: what shards write and {@code merge} reads. */
    static final String LINES = "jsonl";

    private static final Opt<String> DATA = NetworkOptions.DATA.optional();
    private static final Opt<String> MODEL = NetworkOptions.MODEL.optional();
    private static final Opt<List<String>> OPTIMIZERS = Opt.list("--optimizers", "A,B,…",
            "the optimizers, e.g. sgd,momentum,adam (required)");
    private static final Opt<String> LRS = Opt.text("--lrs", "LR1,LR2,…|FROM:TO:N",
            "the learning rates: a list, or N values from FROM to TO spaced evenly in log10, both ends included",
            "(e.g. 1e-3:1e-1:5); default: each optimizer's own (0.1 for sgd, momentum, …; 0.001 for adam, …)");
    private static final Opt<String> BATCH_SIZES = Opt.text("--batch-sizes", "B1,B2,…",
            "rows per update, each a number or full (every row: gradient descent), e.g. 16,64,full",
            "(default: ${DEFAULT-VALUE})").defaultValue("full");
    private static final Opt<String> SEEDS = Opt.text("--seeds", "S1,S2,…",
            "the seeds: each run's initial weights (without --init) and minibatches (default: ${DEFAULT-VALUE})")
            .defaultValue("0");
    private static final Opt<Integer> STEPS = Opt.integer("--steps", "N",
            "updates per run (default: ${DEFAULT-VALUE})").defaultValue(TrainingOptions.DEFAULT_STEPS);
    private static final Opt<Path> INIT = Opt.path("--init", "FILE.json",
            "every run's initial weights, a state_dict as train's --init takes it; the seeds then change only the",
            "minibatches (default: PyTorch's initialisation scheme drawn with each run's seed)");
    private static final Opt<Integer> CURVE_EVERY = Opt.integer("--curve-every", "K",
            "add each run's loss curve to its line: the full-data loss at steps 0, K, 2K, … and the last");
    private static final Opt<String> SHARD = Opt.text("--shard", "i/n",
            "run only shard i of n (i from 1, as SLURM_ARRAY_TASK_ID): the runs whose number r has r mod n = i − 1");
    private static final Opt<Integer> THREADS = Opt.integer("--threads", "T",
            "runs trained at once (default: every core, " + Runtime.getRuntime().availableProcessors()
                    + " here); the results do not depend on it");
    private static final Opt<String> FORMAT = Opt.text("--format", "jsonl|text|csv|json",
            "jsonl: a JSON line per run as it ends (default); text, csv, json: the table of every run at the end,",
            "as `train-sweep merge` writes it")
            .defaultValue(LINES);

    /** Most threads --threads may ask for. */
    static final int MAX_THREADS = 1024;
    /** Most points of a run's loss curve in its line (--curve-every): a line stays well under a megabyte. */
    static final int MAX_CURVE_POINTS = 10_000;

    private static final Pattern LOG_RANGE = Pattern.compile("([^:,]+):([^:,]+):([^:,]+)");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    TrainSweepCommand() {
        super(NAME, List.of("Train one network many times: every combination of --optimizers, --lrs,",
                        "--batch-sizes and --seeds, one JSON line per run as it ends (settings, final",
                        "and best loss, final accuracy, steps, stop). Runs are numbered by optimizer,",
                        "then lr, batch size and seed (fastest), the same on every machine.",
                        "--shard i/n runs one n-th of them, for a cluster's job array;",
                        "`train-sweep merge` joins the shards' lines into the table one machine",
                        "would have written (docs/NETWORKS.md). Not `sweep`, which maps an",
                        "optimizer's hyper-parameters on a 2-D surface."),
                options());
        spec().addSubcommand(TrainSweepMergeCommand.NAME, new CommandLine(new TrainSweepMergeCommand().spec()));
    }

    private static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(List.of(DATA, MODEL, NetworkOptions.HIDDEN, NetworkOptions.ACTIVATION,
                NetworkOptions.LOSS, OPTIMIZERS, LRS, BATCH_SIZES, SEEDS, STEPS, INIT, RunOptions.SCHEDULE,
                CURVE_EVERY, SHARD, THREADS, FORMAT));
        options.addAll(TrainingOptions.RULE_PARAMETERS);
        return options;
    }

    @Override
    public Integer call() throws Exception {
        OutputFormat table = format(get(FORMAT));
        Shard shard = get(SHARD) == null ? Shard.ALL : Shard.parse(get(SHARD));
        if (table != null && get(SHARD) != null) {
            throw new InvalidInputException("format", "--shard writes JSON lines (--format " + LINES + ") for `train-sweep merge`, "
                    + "which writes the table of every shard; one shard's table would be part of it");
        }
        int threads = threads();
        int steps = get(STEPS);
        int curveEvery = curveEvery(steps);
        require(DATA, "the training rows: a built-in dataset or a CSV file");
        require(MODEL, "linear, logistic or mlp");
        require(OPTIMIZERS, "the optimizers to sweep, e.g. sgd,momentum,adam");

        ModelKind model = NetworkOptions.model(this);
        Supplier<Objective> objectives = NetworkOptions.objectives(this);
        Objective objective = objectives.get();
        List<OptimizerKind> kinds = distinct("optimizers", get(OPTIMIZERS), Optimizers::get);
        TrainSweep sweep = new TrainSweep(kinds, lrs(get(LRS)), batchSizes(get(BATCH_SIZES), objective.examples()),
                distinct("seeds", Arrays.asList(get(SEEDS).split(",", -1)), TrainSweepCommand::seed));
        RunOptions rules = TrainingOptions.rules(this);
        rules.requireEachTakenBySome(kinds);
        Path initFile = get(INIT);
        double[] init = initFile == null ? null
                : objective.network().parametersFrom(NetworkOptions.stateDict(initFile, "init"), "init");
        check(sweep, rules, objective, init, steps);

        String id = fingerprint(sweep, model, objective, init, steps, curveEvery, rules);
        ObjectNode about = TrainSweepLine.sweep(id, sweep.runs(), modelText(model, objective), steps);
        int mine = shard.size(sweep.runs());
        if (mine == 0) {
            err.println("shard " + shard.label() + " has no runs: the sweep has " + sweep.runs());
        }
        return trainAll(new Trainer(sweep, objectives, init, rules, steps, curveEvery, about, shard), mine, threads, table);
    }

    /** This shard's runs, {@code threads} at a time: each line written as its run ends, or the table at the end. */
    private Integer trainAll(Trainer trainer, int mine, int threads, OutputFormat table) {
        ObjectNode[] results = new ObjectNode[mine];
        // The first run to fail (output that cannot be written, say) stops the others at their next
        // checkpoint instead of letting each train to its end; that failure, not the stop, is reported.
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        try (LongWork work = LongWork.start(err, NAME)) {
            Job job = work.job();
            job.forEachUnit(mine, threads, k -> {
                try {
                    ObjectNode line = trainer.train(trainer.shard().run(k), job);
                    if (table == null) {
                        // Whole lines, each flushed as its run ends: a shard killed later keeps the runs it finished.
                        synchronized (out) {
                            out.println(TrainSweepLine.text(line));
                            out.flush();
                        }
                    } else {
                        results[k] = TrainSweepLine.result(line);
                    }
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failed.compareAndSet(null, e);
                    job.cancel();
                    throw e;
                }
            });
        } catch (CancellationException e) {
            if (failed.get() != null) {
                throw failed.get();
            }
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        if (table != null) {
            TrainSweepTable.write(trainer.about(), List.of(results), table, out);
        }
        return Main.OK;
    }

    private int threads() {
        int threads = get(THREADS) == null ? Runtime.getRuntime().availableProcessors() : get(THREADS);
        if (threads < 1 || threads > MAX_THREADS) {
            throw InvalidInputException.outOfRange("threads", "in 1 … " + MAX_THREADS, threads);
        }
        return threads;
    }

    /** --curve-every K, or 0 without it; a curve of more than {@link #MAX_CURVE_POINTS} is refused with the least K that fits. */
    private int curveEvery(int steps) {
        Integer every = get(CURVE_EVERY);
        if (every == null) {
            return 0;
        }
        if (every < 1) {
            throw InvalidInputException.outOfRange("curve-every", ">= 1", every);
        }
        if (EveryKthStep.count(steps, every) > MAX_CURVE_POINTS) {
            int least = Math.max(1, steps / MAX_CURVE_POINTS);
            while (EveryKthStep.count(steps, least) > MAX_CURVE_POINTS) {
                least++;
            }
            throw new InvalidInputException("curve-every", String.format(Locale.ROOT, "--curve-every %d keeps %,d losses of "
                    + "each run's %,d steps, more than the %,d a line may hold: take K of at least %d", every,
                    EveryKthStep.count(steps, every), steps, MAX_CURVE_POINTS, least));
        }
        return every;
    }

    /**
     * What every run of one sweep shares, and the training of one run into its line. (A record, not
     * a lambda capturing a dozen values: JDK 25's AOT code cache mislinks the adapter of a method
     * with that many arguments and says so on stdout, in the middle of the lines.)
     */
    private record Trainer(TrainSweep sweep, Supplier<Objective> objectives, double[] init, RunOptions rules, int steps,
                           int curveEvery, ObjectNode about, Shard shard) {

        /** Run {@code r} trained into its line; {@code job} cancelled stops it at its next checkpoint. */
        ObjectNode train(int r, Job job) {
            TrainSweep.Run run = sweep.run(r);
            Objective own = objectives.get();
            double[] theta = init != null ? init : own.network().initialParameters(run.seed());
            TrainingOptions.Swept swept = TrainingOptions.swept(rules, run.optimizer(), own, theta, run.lr(),
                    run.batchSize().batches(run.seed()), steps);
            long start = System.nanoTime();
            TrainResult result = Training.run(swept.spec(), step -> { }, job.checkpoint());
            return TrainSweepLine.of(about, run, swept.settings(), result, curveEvery, shard, (System.nanoTime() - start) / 1e9);
        }
    }

    /** jsonl → null (lines); text, csv, json → that table. */
    static OutputFormat format(String given) {
        List<String> names = new ArrayList<>(List.of(LINES));
        Arrays.stream(OutputFormat.values()).map(OutputFormat::name).forEach(names::add);
        if (given.equals(LINES)) {
            return null;
        }
        if (!names.contains(given)) {
            throw InvalidInputException.unknownName("format", given, names);
        }
        return OutputFormat.valueOf(given);
    }

    /** --data, --model and --optimizers are required here, not by picocli, so that `train-sweep merge` needs none. */
    private void require(Opt<?> option, String what) {
        if (get(option) == null) {
            throw new InvalidInputException(option.name().substring(2), "missing " + option.name() + " (" + what
                    + "); to merge the lines of shards: ./losslab " + NAME + " " + TrainSweepMergeCommand.NAME + " FILE…");
        }
    }

    /**
     * Every optimizer with every batch size, built before any run starts: a hyper-parameter an
     * optimizer refuses, a batch larger than the data or too much work per run fails now, by name,
     * not after a shard has trained for an hour.
     */
    private static void check(TrainSweep sweep, RunOptions rules, Objective objective, double[] init, int steps) {
        long seed = sweep.seeds().getFirst();
        double[] theta = init != null ? init : objective.network().initialParameters(seed);
        for (OptimizerKind kind : sweep.optimizers()) {
            double lr = sweep.lrs().isEmpty() ? Training.defaultLearningRate(kind) : sweep.lrs().getFirst();
            for (TrainSweep.BatchSize b : sweep.batchSizes()) {
                TrainingOptions.swept(rules, kind, objective, theta, lr, b.batches(seed), steps);
            }
        }
    }

    /** "0.01,0.1" → those; "1e-3:1e-1:5" → 5 values spaced evenly in log10; null → none (each optimizer's default). */
    static List<Double> lrs(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher range = LOG_RANGE.matcher(text.strip());
        if (range.matches()) {
            int count;
            try {
                count = Integer.parseInt(range.group(3).strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("lrs", "--lrs FROM:TO:N needs a whole number N, got '" + range.group(3).strip() + "'");
            }
            if (count < 1 || count > Axis.MAX_COUNT) {
                throw InvalidInputException.outOfRange("lrs", "FROM:TO:N with N in 1 … " + Axis.MAX_COUNT, count);
            }
            double from = lr(range.group(1));
            double to = lr(range.group(2));
            if (!(from > 0 && to > 0)) {
                throw new InvalidInputException("lrs", "--lrs FROM:TO:N spaces lrs in log10, so FROM and TO must be > 0, got " + text);
            }
            try {
                return Arrays.stream(Axis.logarithmic("lr", from, to, count).values()).boxed().toList();
            } catch (InvalidInputException e) {
                throw new InvalidInputException("lrs", "--lrs: " + e.getMessage());
            }
        }
        return distinct("lrs", Arrays.asList(text.split(",", -1)), TrainSweepCommand::lr);
    }

    private static double lr(String text) {
        double lr;
        try {
            lr = Numbers.parsePlain(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lrs", "--lrs takes numbers such as 0.01,0.1 or a range such as 1e-3:1e-1:5, got '"
                    + text.strip() + "'");
        }
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw InvalidInputException.outOfRange("lrs", ">= 0 and finite", lr);
        }
        return lr;
    }

    /** "16,64,full" → those batch sizes, each 1 … the rows, or full. */
    static List<TrainSweep.BatchSize> batchSizes(String text, Examples examples) {
        return distinct("batch-sizes", Arrays.asList(text.split(",", -1)), part -> {
            String p = part.strip();
            if (p.equals("full")) {
                return TrainSweep.BatchSize.FULL;
            }
            if (!p.matches("\\d{1,9}") || Integer.parseInt(p) < 1) {
                throw new InvalidInputException("batch-sizes", "--batch-sizes takes whole numbers of rows or full, "
                        + "such as 16,64,full; got '" + p + "'");
            }
            int rows = Integer.parseInt(p);
            if (rows > examples.rows()) {
                throw new InvalidInputException("batch-sizes", "--batch-sizes: " + rows + " is more than the " + examples.rows()
                        + " rows of " + examples.name() + " (full takes them all)");
            }
            return new TrainSweep.BatchSize(rows);
        });
    }

    private static long seed(String text) {
        String s = text.strip();
        if (!WHOLE.matcher(s).matches()) {
            throw new InvalidInputException("seeds", "--seeds takes whole numbers such as 0,1,2; got '" + s + "'");
        }
        return Long.parseLong(s);
    }

    /** Each of {@code parts} read by {@code read}; a value listed twice would only repeat runs, so it is refused. */
    private static <T> List<T> distinct(String field, List<String> parts, Function<String, T> read) {
        LinkedHashSet<T> values = new LinkedHashSet<>();
        for (String part : parts) {
            T value = read.apply(part.strip());
            if (!values.add(value)) {
                throw new InvalidInputException(field, "--" + field + " lists " + part.strip() + " twice");
            }
        }
        return List.copyOf(values);
    }

    /** "mlp 2-16-16-1 (tanh), mse on moons (200 rows)"; a CSV file by its name, not the folder it was read from. */
    static String modelText(ModelKind model, Objective o) {
        return model.label() + " " + o.network().shape() + (o.network().layers() > 1 ? " (" + o.network().activation().label() + ")" : "")
                + ", " + o.loss().label() + " on " + dataName(o.examples()) + " (" + o.examples().rows() + " rows)";
    }

    private static String dataName(Examples examples) {
        Path name = Path.of(examples.name()).getFileName();
        return name == null ? examples.name() : name.toString();
    }

    /**
     * The sweep's id: the first 16 hex digits of the SHA-256 of every setting that decides its runs'
     * results: the data's values (not where the file was read from, which differs between machines),
     * the model, θ₀ when given, the lists, steps, schedule and hyper-parameters. Shards of one sweep
     * share it; {@code merge} refuses lines whose ids differ. Shard, threads and format are not in it.
     */
    static String fingerprint(TrainSweep sweep, ModelKind model, Objective objective, double[] init, int steps,
                              int curveEvery, RunOptions rules) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("format", "losslab train-sweep 1");
        Examples e = objective.examples();
        settings.put("data", dataName(e));
        settings.put("rows", sha256(e.rows(), e.inputs(), e.classes(), e.x(), e.labels()));
        settings.put("model", modelText(model, objective));
        settings.put("init", init == null ? "seeded" : sha256(init));
        settings.put("optimizers", sweep.optimizers().stream().map(OptimizerKind::name).toList());
        settings.put("lrs", sweep.lrs());
        settings.put("batch_sizes", sweep.batchSizes().stream().map(TrainSweep.BatchSize::label).toList());
        settings.put("seeds", sweep.seeds());
        settings.put("steps", steps);
        settings.put("curve_every", curveEvery);
        settings.put("schedule", rules.schedule());
        settings.put("hyper_parameters", text(rules.hyperParameters()));
        settings.put("schedule_parameters", text(rules.scheduleParameters()));
        try {
            byte[] canonical = JsonViews.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(settings);
            return HexFormat.of().formatHex(digest().digest(canonical), 0, 8);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("plain values always serialize", ex);
        }
    }

    private static Map<String, String> text(Map<String, Object> given) {
        Map<String, String> sorted = new TreeMap<>();
        given.forEach((name, value) -> sorted.put(name, String.valueOf(value)));
        return sorted;
    }

    private static String sha256(int rows, int inputs, int classes, double[] x, double[] labels) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 * (x.length + labels.length));
        b.putInt(rows).putInt(inputs).putInt(classes);
        Arrays.stream(x).forEach(b::putDouble);
        Arrays.stream(labels).forEach(b::putDouble);
        return HexFormat.of().formatHex(digest().digest(b.array()));
    }

    private static String sha256(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        Arrays.stream(values).forEach(b::putDouble);
        return HexFormat.of().formatHex(digest().digest(b.array()));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
