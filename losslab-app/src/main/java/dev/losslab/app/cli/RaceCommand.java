package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.RunCsv;
import dev.losslab.app.output.RunText;
import dev.losslab.app.output.TuningText;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.FairTuning;
import dev.losslab.core.maps.TuningGrid;
import dev.losslab.core.maps.TuningScope;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import dev.losslab.core.surface.Landscape;
import dev.losslab.app.plot.TrajectoryPlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

final class RaceCommand extends Subcommand {

    static final String NAME = "race";

    private static final Opt<List<String>> OPTIMIZERS = Opt.list("--optimizers", "A,B,…",
            "the racers, e.g. gd,momentum,newton").mandatory();
    private static final Opt<OutputFormat> FORMAT = OutputFormat.optionForTerminalOr(OutputFormat.csv, "text|csv|json");
    private static final Opt<String> TUNE = Opt.text("--tune", "lr|lr,momentum",
            "tune each racer first, then race at its best: lr alone (37 values each), or lr and the racer's momentum "
                    + "μ, or β₁ for the Adam family (133 settings each: 19 lr × 7 momenta, or 133 lr without one)");
    private static final Opt<Path> OUT =
            PlotFiles.option("the picture: the surface's colour map and contours, the minima and the path(s)");

    RaceCommand() {
        super(NAME, List.of("Run several optimizers from the same start on the same surface.",
                        "Each hyper-parameter option applies to every racer that takes it; each racer's",
                        "lr defaults to what suits its kind on that surface.",
                        "--tune first gives every racer the same number of settings: lr from 1/100 to",
                        "10 times its default, and with lr,momentum also μ or β₁ in 0, 0.5, 0.8, 0.9,",
                        "0.95, 0.98, 0.99 (Nesterov: 0.5 to 0.995). Each setting runs from the race's",
                        "start and four starts beside it (three seeds each under noise); the best has",
                        "the fewest diverged runs, then the fewest median steps to converge at a known",
                        "minimum, then the lowest median final loss. The race runs at each racer's best",
                        "and reports how that setting did over its runs."),
                RunOptions.after(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, OPTIMIZERS, StartOption.START, FORMAT, TUNE, OUT));
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
        List<FairTuning.Tuned> tunings = List.of();
        if (tune != null) {
            TuningScope scope = TuningScope.parse(tune, "tune", "--tune");
            refuseFixedTunedSettings(options, kinds, scope);
            List<RunSpec> racers = kinds.stream().map(k -> racer(options, landscape, k).spec()).toList();
            try (LongWork work = LongWork.start(err, "tuning")) {
                tunings = FairTuning.tune(scope, racers, work.job());
            } catch (CancellationException e) {
                err.println("cancelled");
                return LongWork.CANCELLED;
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            // Tuned, the race runs the chosen settings from its own start: the first run of their trials.
            runs.add(tunings.isEmpty() ? racer(options, landscape, kinds.get(k)).run() : Runner.run(tunings.get(k).spec()));
        }
        if (outFile != null) {
            PlotFiles.write(outFile, TrajectoryPlot.of(landscape, runs));
        }
        switch (OutputFormat.orDefault(get(FORMAT), OutputFormat.csv)) {
            case text -> {
                List<String> settings = tunings.stream().map(TuningText::settings).toList();
                int width = settings.stream().mapToInt(String::length).max().orElse(0);
                for (int k = 0; k < runs.size(); k++) {
                    Run run = runs.get(k);
                    String tuned = tunings.isEmpty() ? "" : String.format(Locale.ROOT, "%-" + width + "s  ", settings.get(k));
                    out.printf(Locale.ROOT, "%-20s %s%s%n", run.spec().optimizerName(), tuned, RunText.summary(run));
                }
                if (!tunings.isEmpty()) {
                    out.println();
                    TuningText.write(tunings, out);
                }
            }
            case csv -> RunCsv.writeRace(runs, tunings, out);
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

    /** Tuning chooses lr, and with lr,momentum each racer's μ or β₁: the user cannot fix them too. */
    private static void refuseFixedTunedSettings(RunOptions options, List<OptimizerKind> kinds, TuningScope scope) {
        if (options.fixes("lr")) {
            throw new InvalidInputException("tune", "--tune " + scope.label() + " and --lr exclude each other: tuning chooses the lr");
        }
        if (scope == TuningScope.LR) {
            return;
        }
        for (OptimizerKind kind : kinds) {
            String name = TuningGrid.momentumOf(kind).map(Param::name).orElse(null);
            if (name != null && options.fixes(name)) {
                throw new InvalidInputException("tune", "--tune lr,momentum and --" + name + " exclude each other: tuning "
                        + "chooses " + name + " for " + kind.name() + " (use --tune lr to keep yours)");
            }
        }
    }

    private RunBuilder racer(RunOptions options, Landscape landscape, OptimizerKind kind) {
        RunBuilder builder = options.applyTo(RunBuilder.on(landscape), kind, true);
        return StartOption.applyTo(this, builder);
    }
}
