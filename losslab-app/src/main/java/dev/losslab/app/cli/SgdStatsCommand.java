package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.output.Ranges;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.SgdLevels;
import dev.losslab.core.maps.SgdStats;
import dev.losslab.core.maps.SgdStatsResult;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Vec2;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

final class SgdStatsCommand extends Subcommand {

    static final String NAME = "sgd-stats";

    private static final Opt<String> NOISE = Opt.text("--noise", "A:B:N",
            "N noise levels σ from A to B, both included, e.g. 0:40:5 (or --batch-sizes)");
    private static final Opt<String> BATCH_SIZES = Opt.text("--batch-sizes", "B1,B2,…",
            "on a surface made of data, minibatch sizes from 1 to its examples, e.g. 1,4,16,64 (or --noise)");
    private static final Opt<Integer> RUNS = Opt.integer("--runs", "R",
            "runs (seeds) per level, 1 to " + SgdStats.MAX_RUNS + " (default: ${DEFAULT-VALUE})").defaultValue(SgdStats.DEFAULT_RUNS);
    private static final Opt<String> OPTIMIZER = Opt.text("--optimizer", "NAME",
            "the update rule the noise is added to (default: ${DEFAULT-VALUE}, i.e. gradient descent)").defaultValue("sgd");
    private static final Opt<Double> LEARNING_RATE = Opt.real("--lr", "LR", "learning rate (default: the surface's)");
    private static final Opt<Integer> STEPS = Opt.integer("--steps", "N", "updates per run (default: ${DEFAULT-VALUE})")
            .defaultValue(RunSpec.DEFAULT_STEPS);
    private static final Opt<Double> TOLERANCE = Opt.real("--tol", "F",
            "converged when the exact gradient norm is below F (default: ${DEFAULT-VALUE})").defaultValue(RunSpec.DEFAULT_TOLERANCE);
    private static final Opt<Long> SEED = Opt.whole("--seed", "S", "the first seed; run r uses S + r (default: ${DEFAULT-VALUE})")
            .defaultValue(RunSpec.DEFAULT_SEED);
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");

    SgdStatsCommand() {
        super(NAME, List.of("Over many seeds, the share of noisy runs that end in each basin, at each noise level or batch size.",
                        "Each run adds N(0, σ²) noise to every gradient coordinate (--noise) or, on a surface made of data,",
                        "estimates each gradient from a minibatch of B examples (--batch-sizes); its basin is where a noise-free",
                        "run of the same optimizer goes from its last point (so jitter around a minimum still counts as that minimum)."),
                List.of(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, StartOption.START, NOISE, BATCH_SIZES, RUNS, OPTIMIZER, LEARNING_RATE, STEPS, TOLERANCE,
                        SEED, FORMAT));
    }

    @Override
    public Integer call() throws Exception {
        SgdLevels levels = levels(get(NOISE), get(BATCH_SIZES));
        RunBuilder builder = RunBuilder.on(SurfaceOption.landscape(this)).optimizer(Optimizers.get(get(OPTIMIZER)).name())
                .steps(get(STEPS)).tolerance(get(TOLERANCE)).seed(get(SEED)).noise(0);
        Double lr = get(LEARNING_RATE);
        if (lr != null) {
            builder.learningRate(lr);
        }
        StartOption.applyTo(this, builder);
        RunSpec run = builder.spec();
        SgdStatsResult stats;
        try (LongWork work = LongWork.start(err, "sgd-stats")) {
            stats = SgdStats.run(run, levels, get(RUNS), work.job());
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        switch (get(FORMAT)) {
            case text -> text(stats, run, out);
            case csv -> csv(stats, out);
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.sgdStats(stats, run)));
        }
        return Main.OK;
    }

    /** The levels asked for: exactly one of --noise and --batch-sizes. */
    static SgdLevels levels(String noise, String batchSizes) {
        if ((noise == null) == (batchSizes == null)) {
            throw new InvalidInputException(noise == null ? "noise" : "batch-sizes", "sgd-stats takes exactly one of --noise "
                    + "(noise levels σ, e.g. 0:40:5) and --batch-sizes (minibatch sizes on a surface made of data, e.g. 1,4,16,64)"
                    + (noise == null ? "" : ", not both"));
        }
        return noise != null ? SgdLevels.noise(Ranges.levels(noise, "--noise", Axis.MAX_COUNT))
                : SgdLevels.batchSizes(Ranges.batchSizes(batchSizes, "--batch-sizes", Axis.MAX_COUNT));
    }

    /** What the level column is called: in the text table, and in CSV's header. */
    private static String levelName(SgdLevels levels, boolean csv) {
        return switch (levels) {
            case SgdLevels.Noise noise -> "noise";
            case SgdLevels.BatchSizes sizes -> csv ? "batch_size" : "batch size";
        };
    }

    /** A level's value: σ as numbers are shown (briefly in text, exactly in CSV), B as the whole number it is. */
    private static String levelValue(SgdLevels levels, int level, boolean csv) {
        return switch (levels) {
            case SgdLevels.Noise noise -> csv ? Numbers.exact(noise.value(level)) : Numbers.brief(noise.value(level));
            case SgdLevels.BatchSizes sizes -> Integer.toString(sizes.size(level));
        };
    }

    private static List<String> columns(SgdStatsResult stats) {
        List<String> names = new ArrayList<>();
        for (Minimum m : stats.minima()) {
            names.add(Numbers.point(m.at().x(), m.at().y()));
        }
        names.add("diverged");
        names.add("unconverged");
        return names;
    }

    private static double share(SgdStatsResult stats, int level, int column) {
        int minima = stats.minima().size();
        return column < minima ? stats.share(level, column)
                : column == minima ? stats.divergedShare(level) : stats.unconvergedShare(level);
    }

    static void text(SgdStatsResult stats, RunSpec run, PrintWriter out) {
        SgdLevels levels = stats.levels();
        String level = levelName(levels, false);
        out.printf(Locale.ROOT, "%s on %s from %s, lr %s, %d steps; %d runs per %s (seeds %d to %d)%n",
                run.optimizerName(), run.landscape().name(), Numbers.point(run.start().x(), run.start().y()),
                Numbers.brief(run.learningRate()), run.maxSteps(), stats.runs(),
                levels instanceof SgdLevels.Noise ? "noise level" : level, run.seed(), run.seed() + stats.runs() - 1);
        out.println("share of runs ending in each basin:");
        List<String> names = columns(stats);
        int width = Math.max(8, level.length());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s", level));
        names.forEach(n -> header.append(String.format(Locale.ROOT, "  %" + Math.max(8, n.length()) + "s", n)));
        out.println(header);
        for (int l = 0; l < levels.count(); l++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s", levelValue(levels, l, false)));
            for (int c = 0; c < names.size(); c++) {
                row.append(String.format(Locale.ROOT, "  %" + Math.max(8, names.get(c).length()) + "s",
                        String.format(Locale.ROOT, "%.1f %%", 100 * share(stats, l, c))));
            }
            out.println(row);
        }
    }

    static void csv(SgdStatsResult stats, PrintWriter out) {
        StringBuilder header = new StringBuilder(levelName(stats.levels(), true));
        for (int m = 0; m < stats.minima().size(); m++) {
            Vec2 at = stats.minima().get(m).at();
            header.append(",\"(").append(Numbers.exact(at.x())).append(' ').append(Numbers.exact(at.y())).append(")\"");
        }
        out.println(header + ",diverged,unconverged");
        for (int level = 0; level < stats.levels().count(); level++) {
            StringBuilder row = new StringBuilder(levelValue(stats.levels(), level, true));
            for (int c = 0; c < stats.minima().size() + 2; c++) {
                row.append(',').append(Numbers.exact(share(stats, level, c)));
            }
            out.println(row);
        }
    }
}
