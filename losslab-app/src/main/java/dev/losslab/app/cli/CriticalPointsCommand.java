package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.analysis.CriticalPoint;
import dev.losslab.core.analysis.CriticalPoints;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Locale;

final class CriticalPointsCommand extends Subcommand {

    static final String NAME = "critical-points";

    private static final Opt<Window> WINDOW = Opt.converted("--window", Window.class, "X0,X1,Y0,Y1",
            new Converters.WindowConverter(), "where to look (default: the surface's window)");
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");

    CriticalPointsCommand() {
        super(NAME, List.of("Find and classify every point where the gradient vanishes inside a window."),
                List.of(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, WINDOW, FORMAT));
    }

    @Override
    public Integer call() throws Exception {
        Landscape landscape = SurfaceOption.landscape(this);
        Window window = get(WINDOW);
        OutputFormat format = get(FORMAT);
        Window where = window != null ? window : landscape.window();
        List<CriticalPoint> points = CriticalPoints.find(landscape.surface(), where);
        if (format == OutputFormat.json) {
            out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.criticalPoints(points)));
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
