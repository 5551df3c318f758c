package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.net.Batches;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.optim.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The options that say how to train a network (optimizer, lr, steps, batches, schedule and the
 * rules' hyper-parameters), read into a {@link Training.Spec} together with {@link NetworkOptions}:
 * shared by every command that trains ({@code train}, {@code slice}, {@code spectrum}, {@code saddles},
 * sweeps), so one run means the same thing in each.
 */
final class TrainingOptions {

    /** Updates when neither --steps nor --batches says. */
    static final int DEFAULT_STEPS = 100;

    static final Opt<Double> LEARNING_RATE = Opt.real("--lr", "LR",
            "learning rate (default: 0.1 for gd, sgd, momentum and the like; 0.001 for adaptive rules such as adam; "
                    + "1 for lbfgs, adadelta, prodigy)");
    static final Opt<Integer> STEPS = Opt.integer("--steps", "N",
            "updates (default: as many as --batches lists, else " + DEFAULT_STEPS + ")");
    static final Opt<Integer> BATCH_SIZE = Opt.integer("--batch-size", "B",
            "B rows per update, drawn without replacement and reshuffled each epoch (default: every row, full batch)");
    static final Opt<Path> BATCHES = Opt.path("--batches", "FILE.json",
            "the rows of each update: a JSON list of lists of row indices (0-based), one list per update");

    /** Every optimizer's and schedule's own hyper-parameters, from the registries. */
    static final List<Opt<?>> RULE_PARAMETERS = ruleParameters();

    private TrainingOptions() {}

    private static List<Opt<?>> ruleParameters() {
        List<Opt<?>> options = new ArrayList<>(RunOptions.HYPER_PARAMETERS);
        RunOptions.all().stream().filter(RunOptions.SCHEDULE_PARAMETERS::contains).forEach(options::add);
        return List.copyOf(options);
    }

    /**
     * A training run as the options give it, with the words that describe it.
     *
     * @param batchText "full batch", "minibatches of 16 (seed 0)", …
     * @param initText  where θ₀ came from
     */
    record Setup(ModelKind model, OptimizerKind kind, Settings settings, Training.Spec spec, String batchText,
                 String initText) {}

    /**
     * The rule hyper-parameters and the schedule {@code command} was given, for runs of several
     * optimizers ({@link #swept}); its other fields are unset.
     */
    static RunOptions rules(Subcommand command) {
        return new RunOptions(0, 0, null, null, null, 0, command.get(RunOptions.SCHEDULE),
                RunOptions.given(command, RunOptions.HYPER_PARAMETERS), RunOptions.given(command, RunOptions.SCHEDULE_PARAMETERS));
    }

    /**
     * One run of a sweep over optimizers: its optimizer's validated settings and the run.
     */
    record Swept(Settings settings, Training.Spec spec) {}

    /**
     * A run of {@code kind} among several optimizers: of the hyper-parameters in {@code rules}, it
     * takes those {@code kind} takes, and its schedule those the schedule takes, so that each option
     * applies to every optimizer that has it, as in a race ({@link RunOptions#requireEachTakenBySome}
     * refuses one that applies to none).
     */
    static Swept swept(RunOptions rules, OptimizerKind kind, Objective objective, double[] initial, double lr,
                       Batches batches, int steps) {
        Map<String, Object> taken = new LinkedHashMap<>(rules.hyperParameters());
        taken.keySet().removeIf(name -> !kind.takes(name));
        Settings settings = kind.settings(taken);
        Schedule schedule = Schedules.create(rules.schedule(), rules.scheduleParametersFor(kind, true), steps);
        return new Swept(settings, new Training.Spec(objective, kind.build(settings), kind.name(), lr, schedule, steps,
                batches, initial));
    }

    /** The run that {@code command}'s network and training options describe. */
    static Setup read(Subcommand command) {
        ModelKind model = NetworkOptions.model(command);
        Objective objective = NetworkOptions.objective(command);

        Path batchFile = command.get(BATCHES);
        List<int[]> listed = batchFile == null ? null : NetworkOptions.batches(batchFile);
        if (listed != null && command.get(BATCH_SIZE) != null) {
            throw new InvalidInputException("batch-size", "give --batch-size or --batches, not both");
        }
        int steps = command.get(STEPS) != null ? command.get(STEPS) : listed != null ? listed.size() : DEFAULT_STEPS;
        long seed = command.get(NetworkOptions.SEED);
        Batches batches = listed != null ? new Batches.Listed(listed)
                : command.get(BATCH_SIZE) != null ? new Batches.Sampled(command.get(BATCH_SIZE), seed) : new Batches.Full();

        OptimizerKind kind = OptimizerOption.kind(command);
        Double givenLr = command.get(LEARNING_RATE);
        double lr = givenLr != null ? givenLr : Training.defaultLearningRate(kind);
        RunOptions run = new RunOptions(steps, 0, givenLr, null, null, seed, command.get(RunOptions.SCHEDULE),
                RunOptions.given(command, RunOptions.HYPER_PARAMETERS), RunOptions.given(command, RunOptions.SCHEDULE_PARAMETERS));
        Settings settings = kind.settings(run.optimizerParametersFor(kind));
        Schedule schedule = Schedules.create(run.schedule(), run.scheduleParametersFor(kind, false), steps);
        double[] theta = NetworkOptions.initial(command, objective);
        Training.Spec spec = new Training.Spec(objective, kind.build(settings), kind.name(), lr, schedule, steps, batches, theta);

        Path init = command.get(NetworkOptions.INIT);
        String initText = init == null ? "PyTorch's scheme from LossLab's generator, seed " + seed : init.toString();
        String batchText = switch (batches) {
            case Batches.Full f -> "full batch";
            case Batches.Sampled s -> "minibatches of " + s.size() + " (seed " + seed + ")";
            case Batches.Listed l -> "batches from " + batchFile;
        };
        return new Setup(model, kind, settings, spec, batchText, initText);
    }

    /**
     * The run as JSON: model, data, optimizer (with its settings), schedule, steps, batches and init:
     * the head of {@code train --format json}, and of every command that trains and then reports
     * something else ({@code slice}).
     */
    static ObjectNode describe(Setup setup) {
        Objective o = setup.spec().objective();
        ObjectNode root = JsonViews.object();
        ObjectNode m = root.putObject("model");
        m.put("kind", setup.model().label());
        m.put("shape", o.network().shape());
        m.put("activation", o.network().layers() > 1 ? o.network().activation().label() : null);
        m.put("loss", o.loss().label());
        m.put("parameters", o.network().parameterCount());
        ObjectNode data = root.putObject("data");
        data.put("name", o.examples().name());
        data.put("rows", o.examples().rows());
        ObjectNode opt = root.putObject("optimizer");
        opt.put("name", setup.kind().name());
        JsonViews.put(opt, "lr", setup.spec().learningRate());
        opt.set("settings", JsonViews.MAPPER.valueToTree(new TreeMap<>(setup.settings().values())));
        root.put("schedule", setup.spec().schedule().name());
        root.put("steps", setup.spec().steps());
        root.put("batches", setup.batchText());
        root.put("init", setup.initText());
        return root;
    }
}
