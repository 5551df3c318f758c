package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

final class SurfacesCommand extends Subcommand {

    static final String NAME = "surfaces";

    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");

    SurfacesCommand() {
        super(NAME, List.of("List the built-in surfaces with their formulas, windows, defaults and known minima."),
                List.of(FORMAT));
    }

    @Override
    public Integer call() throws Exception {
        OutputFormat format = get(FORMAT);
        if (format == OutputFormat.json) {
            var list = JsonViews.array();
            Catalog.all().forEach(l -> list.add(JsonViews.landscape(l)));
            out.println(JsonViews.MAPPER.writeValueAsString(list));
            return Main.OK;
        }
        if (format == OutputFormat.csv) {
            out.println("name,formula,x0,x1,y0,y1,start_x,start_y,lr,minima");
            for (Landscape l : Catalog.all()) {
                Window w = l.window();
                out.printf(Locale.ROOT, "%s,\"%s\",%s,%s,%s,%s,%s,%s,%s,\"%s\"%n", l.name(), l.formula(),
                        w.xMin(), w.xMax(), w.yMin(), w.yMax(), l.defaultStart().x(), l.defaultStart().y(),
                        l.learningRate(), minima(l));
            }
            return Main.OK;
        }
        for (Landscape l : Catalog.all()) {
            Window w = l.window();
            out.printf(Locale.ROOT, "%-18s %s%n", l.name(), l.formula());
            out.printf(Locale.ROOT, "%-18s window [%s, %s]×[%s, %s], start %s, lr %s%n", "",
                    Numbers.brief(w.xMin()), Numbers.brief(w.xMax()), Numbers.brief(w.yMin()), Numbers.brief(w.yMax()),
                    Numbers.point(l.defaultStart().x(), l.defaultStart().y()), Numbers.brief(l.learningRate()));
            out.printf(Locale.ROOT, "%-18s minima: %s%n", "", l.knownMinima().isEmpty() ? "none" : minima(l));
        }
        return Main.OK;
    }

    private static String minima(Landscape l) {
        return l.knownMinima().stream()
                .map(m -> Numbers.point(m.at().x(), m.at().y()) + " = " + Numbers.brief(m.value()))
                .collect(Collectors.joining("; "));
    }
}
