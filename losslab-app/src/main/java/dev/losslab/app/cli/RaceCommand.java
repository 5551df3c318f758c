package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.output.RunCsv;
import dev.losslab.app.output.RunText;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Job;
import dev.losslab.core.maps.LearningRateTuning;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Landscape;
import dev.losslab.app.plot.TrajectoryPlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

final class RaceCommand extends Subcommand {

    static final String NAME = "race";

    private static final Opt<List<String>> OPTIMIZERS = Opt.list("--optimizers", "A,B,…",
            "the racers, e.g. gd,momentum,newton").mandatory();
    private static final Opt<OutputFormat> FORMAT = OutputFormat.optionForTerminalOr(OutputFormat.csv, "text|csv|json");
    private static final Opt<String> TUNE = Opt.text("--tune", "lr",
            "tune each racer's learning rate first, then race at the best (only lr can be tuned)");
    private static final Opt<Path> OUT =
            PlotFiles.option("the picture: the surface's colour map and contours, the minima and the path(s)");

    RaceCommand() {
        super(NAME, List.of("Run several optimizers from the same start on the same surface.",
                        "Each hyper-parameter option applies to every racer that takes it; each racer's lr defaults to",
                        "what suits its kind on that surface. With --tune lr each racer first gets its best lr on this",
                        "surface and start: 37 candidates from 1/100 to 10 times its default (12 per decade); the one that",
                        "converges at a known minimum in the fewest steps, else the lowest final loss without diverging."),
                RunOptions.after(SurfaceOption.SURFACE, OPTIMIZERS, StartOption.START, FORMAT, TUNE, OUT));
    }

    @Override
    public Integer call() throws Exception {
        RunOptions options = RunOptions.of(this);
        Path outFile = get(OUT);
        String tune = get(TUNE);
        PlotFiles.check(outFile);
        Landscape landscape = SurfaceOption.landscape(this);
        var names = new LinkedHashSet<>(get(OPTIMIZERS));
        if (names.size() > Limits.CLI_MAX_RACERS) {
            throw new InvalidInputException("optimizers", "--optimizers takes at most " + Limits.CLI_MAX_RACERS + " names, got " + names.size());
        }
        List<OptimizerKind> kinds = names.stream().map(Optimizers::get).toList();
        options.requireEachTakenBySome(kinds);
        if (tune != null && !tune.equals("lr")) {
            throw new InvalidInputException("tune", "--tune takes lr (the only tunable setting), got '" + tune + "'");
        }
        if (tune != null && options.learningRate() != null) {
            throw new InvalidInputException("tune", "--tune lr and --lr exclude each other: tuning chooses the lr");
        }
        List<Run> runs = new ArrayList<>();
        List<LearningRateTuning.Tuned> tunings = new ArrayList<>();
        for (OptimizerKind kind : kinds) {
            RunBuilder builder = racer(options, landscape, kind);
            if (tune != null) {
                LearningRateTuning.Tuned tuned = LearningRateTuning.tune(kind.defaultLearningRate(landscape),
                        lr -> racer(options, landscape, kind).learningRate(lr).spec(), Job.untracked());
                tunings.add(tuned);
                builder.learningRate(tuned.learningRate());
            }
            runs.add(builder.run());
        }
        if (outFile != null) {
            PlotFiles.write(outFile, TrajectoryPlot.of(landscape, runs));
        }
        switch (OutputFormat.orDefault(get(FORMAT), OutputFormat.csv)) {
            case text -> {
                for (int k = 0; k < runs.size(); k++) {
                    Run run = runs.get(k);
                    String lr = tunings.isEmpty() ? ""
                            : String.format(Locale.ROOT, "lr %-10s ", Numbers.brief(run.spec().learningRate())
                                    + (tunings.get(k).found() ? "" : "*"));
                    out.printf(Locale.ROOT, "%-20s %s%s%n", run.spec().optimizerName(), lr, RunText.summary(run));
                }
                if (tunings.stream().anyMatch(t -> !t.found())) {
                    out.println("* every candidate lr diverged: raced at the default lr");
                }
            }
            case csv -> RunCsv.writeRace(runs, out);
            case json -> {
                try (var g = JsonViews.MAPPER.getFactory().createGenerator(out)) {
                    g.useDefaultPrettyPrinter();
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    JsonViews.writeRace(g, landscape.name(), runs, tunings);
                }
                out.println();
            }
        }
        return Main.OK;
    }

    private RunBuilder racer(RunOptions options, Landscape landscape, OptimizerKind kind) {
        RunBuilder builder = options.applyTo(RunBuilder.on(landscape), kind, true);
        return StartOption.applyTo(this, builder);
    }
}
