package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.analysis.CriticalPoint;
import dev.losslab.core.analysis.CriticalPoints;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "critical-points", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find and classify every point where the gradient vanishes inside a window.")
final class CriticalPointsCommand extends Subcommand {

    @Mixin
    SurfaceOption surface;

    @Option(names = "--window", paramLabel = "X0,X1,Y0,Y1", converter = Converters.WindowConverter.class,
            description = "where to look (default: the surface's window)")
    Window window;

    @Option(names = "--format", paramLabel = "text|csv|json", description = "output format (default: text)")
    OutputFormat format = OutputFormat.text;

    @Override
    public Integer call() throws Exception {
        Landscape landscape = surface.landscape();
        Window where = window != null ? window : landscape.window();
        List<CriticalPoint> points = CriticalPoints.find(landscape.surface(), where);
        if (format == OutputFormat.json) {
            var list = JsonViews.array();
            points.forEach(p -> list.add(JsonViews.criticalPoint(p)));
            out.println(JsonViews.MAPPER.writeValueAsString(list));
            return Main.OK;
        }
        if (format == OutputFormat.csv) {
            out.println("x,y,value,kind");
            points.forEach(p -> out.println(p.x() + "," + p.y() + "," + p.value() + "," + p.kind().code()));
            return Main.OK;
        }
        out.printf(Locale.ROOT, "%d critical point%s of %s in [%s, %s]×[%s, %s]%n", points.size(),
                points.size() == 1 ? "" : "s", landscape.name(),
                Numbers.brief(where.xMin()), Numbers.brief(where.xMax()), Numbers.brief(where.yMin()), Numbers.brief(where.yMax()));
        for (CriticalPoint p : points) {
            out.printf(Locale.ROOT, "  %-10s %-28s f = %s%n", p.kind().code(), Numbers.point(p.x(), p.y()), Numbers.brief(p.value()));
        }
        return Main.OK;
    }
}
