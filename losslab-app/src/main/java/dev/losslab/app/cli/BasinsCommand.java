package dev.losslab.app.cli;

import dev.losslab.app.output.BasinLegend;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.plot.BasinPlot;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.BasinMap;
import dev.losslab.core.maps.Basins;
import dev.losslab.core.maps.Budget;
import dev.losslab.core.maps.Grid;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Window;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

final class BasinsCommand extends Subcommand {

    static final String NAME = "basins";

    private static final Opt<Integer> GRID = Opt.integer("--grid", "G",
            "points per side, 2 to " + Budget.MAX_GRID + " (default: ${DEFAULT-VALUE})").defaultValue(Basins.DEFAULT_GRID);
    private static final Opt<Window> WINDOW = Opt.converted("--window", Window.class, "X0,X1,Y0,Y1",
            new Converters.WindowConverter(), "where the starts lie (default: the surface's window)");
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|json");
    private static final Opt<Path> OUT =
            PlotFiles.option("the map: each start coloured by its basin, over the surface's contours");
    private static final Opt<Boolean> TIMING =
            Opt.flag("--timing", "print the compute time (without start-up and output) on stderr");

    BasinsCommand() {
        super(NAME, List.of("Run an optimizer from every point of a G×G grid and tell which minimum each start ends at.",
                        "Grid points include both window edges (like numpy.linspace). A start belongs to a known minimum's",
                        "basin when its run ends within 1%% of the window span of it; otherwise it diverged or did not converge."),
                RunOptions.after(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, OptimizerOption.OPTIMIZER, GRID, WINDOW, FORMAT, OUT, TIMING));
    }

    @Override
    public Integer call() throws Exception {
        Landscape landscape = SurfaceOption.landscape(this);
        OutputFormat format = get(FORMAT);
        Path outFile = get(OUT);
        Window window = get(WINDOW);
        int grid = get(GRID);
        if (format == OutputFormat.csv) {
            throw new InvalidInputException("format", "basins prints text or json, not csv");
        }
        PlotFiles.check(outFile);
        Budget.checkGrid(grid);
        RunSpec run = RunOptions.of(this).applyTo(RunBuilder.on(landscape), OptimizerOption.kind(this), false).spec();
        Grid starts = Grid.square(window != null ? window : landscape.window(), grid);
        BasinMap map;
        long t0 = System.nanoTime();
        try (LongWork work = LongWork.start(err, "basins")) {
            map = Basins.map(run, starts, work.job());
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        long t1 = System.nanoTime();
        if (get(TIMING) != null) {
            err.printf(Locale.ROOT, "basins: %d starts in %.4f s (%d updates in all, %d cores)%n",
                    starts.cells(), (t1 - t0) / 1e9, map.updates(), Runtime.getRuntime().availableProcessors());
        }
        if (outFile != null) {
            PlotFiles.write(outFile, BasinPlot.of(map, run));
        }
        if (format == OutputFormat.json) {
            out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.basinMap(map, run)));
        } else {
            text(map, run, out);
        }
        return Main.OK;
    }

    static void text(BasinMap map, RunSpec run, PrintWriter out) {
        Window w = map.grid().window();
        out.printf(Locale.ROOT, "basins of %s for %s, lr %s, %d steps: %d×%d starts over [%s, %s]×[%s, %s]%n",
                run.landscape().name(), run.optimizerName(), Numbers.brief(run.learningRate()), run.maxSteps(),
                map.grid().columns(), map.grid().rows(), Numbers.brief(w.xMin()), Numbers.brief(w.xMax()),
                Numbers.brief(w.yMin()), Numbers.brief(w.yMax()));
        for (BasinLegend.Row row : BasinLegend.of(map)) {
            out.printf(Locale.ROOT, "  %-42s %7.3f %%%n", row.text(), 100 * row.share());
        }
    }
}
