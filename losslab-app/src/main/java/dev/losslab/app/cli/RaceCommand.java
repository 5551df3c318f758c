package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.RunCsv;
import dev.losslab.app.output.RunText;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "race", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run several optimizers from the same start on the same surface.",
                "Each hyper-parameter option applies to every racer that takes it; each racer's lr defaults to",
                "what suits its kind on that surface."})
final class RaceCommand implements Callable<Integer> {

    /** A race is for comparing a handful; more is a sweep. */
    static final int MAX_RACERS = 12;

    @Spec
    CommandSpec spec;

    @Mixin
    SurfaceOption surface;

    @Option(names = "--optimizers", required = true, split = ",", paramLabel = "A,B,…",
            description = "the racers, e.g. gd,momentum,newton")
    List<String> optimizers;

    @Option(names = "--start", paramLabel = "X,Y", converter = Converters.PointConverter.class,
            description = "starting point (default: the surface's)")
    Vec2 start;

    @Option(names = "--format", paramLabel = "text|csv|json",
            description = "output format (default: text at a terminal, csv otherwise)")
    OutputFormat format;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        Landscape landscape = surface.landscape();
        var names = new LinkedHashSet<>(optimizers);
        if (names.size() > MAX_RACERS) {
            throw new InvalidInputException("optimizers", "--optimizers takes at most " + MAX_RACERS + " names, got " + names.size());
        }
        List<OptimizerKind> kinds = names.stream().map(Optimizers::get).toList();
        options.requireEachTakenBySome(kinds);
        List<Run> runs = new ArrayList<>();
        for (OptimizerKind kind : kinds) {
            RunBuilder builder = options.applyTo(RunBuilder.on(landscape), kind, true);
            if (start != null) {
                builder.start(start);
            }
            runs.add(builder.run());
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (OutputFormat.orDefault(format, OutputFormat.csv)) {
            case text -> {
                for (Run run : runs) {
                    out.printf(Locale.ROOT, "%-20s %s%n", run.spec().optimizerName(), RunText.summary(run));
                }
            }
            case csv -> RunCsv.writeRace(runs, out);
            case json -> {
                var root = JsonViews.object();
                root.put("surface", landscape.name());
                var list = root.putArray("runs");
                runs.forEach(r -> list.add(JsonViews.run(r)));
                out.println(JsonViews.MAPPER.writeValueAsString(root));
            }
        }
        return Main.OK;
    }
}
