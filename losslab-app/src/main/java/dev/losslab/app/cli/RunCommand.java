package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.RunCsv;
import dev.losslab.app.output.RunText;
import dev.losslab.app.plot.TrajectoryPlot;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import java.nio.file.Path;
import java.util.List;

final class RunCommand extends Subcommand {

    static final String NAME = "run";

    private static final Opt<OutputFormat> FORMAT = OutputFormat.optionForTerminalOr(OutputFormat.csv, "text|csv|json");
    private static final Opt<Path> OUT =
            PlotFiles.option("the picture: the surface's colour map and contours, the minima and the path(s)");

    RunCommand() {
        super(NAME, List.of("Run one optimizer from a start and print every point it visits.",
                        "CSV and JSON list each point from step 0; text shows a sample and a one-line summary."),
                RunOptions.after(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, OptimizerOption.OPTIMIZER, StartOption.START, FORMAT, OUT));
    }

    @Override
    public Integer call() throws Exception {
        Path outFile = get(OUT);
        PlotFiles.check(outFile);
        RunBuilder builder = RunBuilder.on(SurfaceOption.landscape(this));
        RunOptions.of(this).applyTo(builder, OptimizerOption.kind(this), false);
        StartOption.applyTo(this, builder);
        Run run = builder.run();
        if (outFile != null) {
            PlotFiles.write(outFile, TrajectoryPlot.of(run.spec().landscape(), List.of(run)));
        }
        switch (OutputFormat.orDefault(get(FORMAT), OutputFormat.csv)) {
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
