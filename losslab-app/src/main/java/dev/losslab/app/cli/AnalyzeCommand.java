package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.analysis.PointAnalysis;
import dev.losslab.core.run.Destinations;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.util.List;
import java.util.Locale;

final class AnalyzeCommand extends Subcommand {

    static final String NAME = "analyze";

    private static final Opt<Vec2> AT = Opt.converted("--at", Vec2.class, "X,Y", new Converters.PointConverter(),
            "the point to analyze").mandatory();
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|json");

    AnalyzeCommand() {
        super(NAME, List.of("Read the local geometry at a point: value, gradient, Hessian, its eigenvalues and",
                        "eigenvectors, the kind of point the curvature makes it, and the largest stable GD lr (2/λmax)."),
                List.of(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, AT, FORMAT));
    }

    @Override
    public Integer call() throws Exception {
        Landscape landscape = SurfaceOption.landscape(this);
        Vec2 at = get(AT);
        OutputFormat format = get(FORMAT);
        PointAnalysis a = PointAnalysis.at(landscape.surface(), at);
        double reach = Destinations.of(landscape).reach();
        if (format == OutputFormat.json) {
            out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.analysis(a, reach)));
            return Main.OK;
        }
        if (format == OutputFormat.csv) {
            throw new InvalidInputException("format", "analyze prints text or json, not csv");
        }
        Sym2 h = a.hessian();
        Sym2.Eigen e = a.eigen();
        // the curvature's kind names the point only where the slope vanishes; elsewhere it is its shape
        out.printf(Locale.ROOT, "%s at %s: %s%n", landscape.name(), Numbers.point(at.x(), at.y()),
                a.distanceToFlat() <= reach ? a.kind().code()
                        : "not a critical point (the slope is " + Numbers.brief(a.gradientNorm()) + "), " + switch (a.kind()) {
                            case MINIMUM -> "curving up every way";
                            case MAXIMUM -> "curving down every way";
                            case SADDLE -> "curving up one way and down the other";
                            case DEGENERATE -> "flat one way";
                        });
        out.printf(Locale.ROOT, "  value        f = %s%n", Numbers.brief(a.value()));
        out.printf(Locale.ROOT, "  gradient     ∇f = %s, |∇f| = %s%n",
                Numbers.point(a.gradient().x(), a.gradient().y()), Numbers.brief(a.gradientNorm()));
        out.printf(Locale.ROOT, "  Hessian      [[%s, %s], [%s, %s]]%n",
                Numbers.brief(h.xx()), Numbers.brief(h.xy()), Numbers.brief(h.xy()), Numbers.brief(h.yy()));
        out.printf(Locale.ROOT, "  eigenvalues  λ₁ = %s along %s, λ₂ = %s along %s%n",
                Numbers.brief(e.first()), Numbers.point(e.firstVector().x(), e.firstVector().y()),
                Numbers.brief(e.second()), Numbers.point(e.secondVector().x(), e.secondVector().y()));
        out.printf(Locale.ROOT, "  trace %s, determinant %s, condition number %s%n",
                Numbers.brief(a.trace()), Numbers.brief(a.determinant()), Numbers.brief(a.conditionNumber()));
        var lr = a.maxStableLearningRate();
        out.println(lr.isPresent()
                ? "  gradient descent is stable here for lr < 2/λmax = " + Numbers.brief(lr.getAsDouble())
                : "  no direction curves upward, so no learning rate makes gradient descent settle here");
        return Main.OK;
    }
}
