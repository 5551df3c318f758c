package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.RunCsv;
import dev.losslab.app.output.RunText;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.app.plot.TrajectoryPlot;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one optimizer from a start and print every point it visits.",
                "CSV and JSON list each point from step 0; text shows a sample and a one-line summary."})
final class RunCommand extends Subcommand {

    @Mixin
    SurfaceOption surface;

    @Mixin
    OptimizerOption optimizer;

    @Mixin
    StartOption start;

    @Option(names = "--format", paramLabel = "text|csv|json",
            description = "output format (default: text at a terminal, csv otherwise)")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE.png|FILE.svg",
            description = "also draw the picture: the surface's colour map and contours, the minima and the path(s)")
    Path outFile;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        PlotFiles.check(outFile);
        RunBuilder builder = RunBuilder.on(surface.landscape());
        options.applyTo(builder, optimizer.kind(), false);
        start.applyTo(builder);
        Run run = builder.run();
        if (outFile != null) {
            PlotFiles.write(outFile, TrajectoryPlot.of(run.spec().landscape(), List.of(run)));
        }
        switch (OutputFormat.orDefault(format, OutputFormat.csv)) {
            case text -> RunText.write(run, out);
            case csv -> RunCsv.write(run, out);
            case json -> {
                // Streamed: a million-step run never sits in memory as JSON text or nodes.
                try (var g = JsonViews.MAPPER.getFactory().createGenerator(out)) {
                    g.useDefaultPrettyPrinter();
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    JsonViews.writeRun(g, run);
                }
                out.println();
            }
        }
        return Main.OK;
    }
}
