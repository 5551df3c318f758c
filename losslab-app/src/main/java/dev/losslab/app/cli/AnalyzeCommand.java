package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.analysis.PointAnalysis;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read the local geometry at a point: value, gradient, Hessian, its eigenvalues and",
                "eigenvectors, the kind of point the curvature makes it, and the largest stable GD lr (2/λmax)."})
final class AnalyzeCommand extends Subcommand {

    @Mixin
    SurfaceOption surface;

    @Option(names = "--at", required = true, paramLabel = "X,Y", converter = Converters.PointConverter.class,
            description = "the point to analyze")
    Vec2 at;

    @Option(names = "--format", paramLabel = "text|json", description = "output format (default: text)")
    OutputFormat format = OutputFormat.text;

    @Override
    public Integer call() throws Exception {
        Landscape landscape = surface.landscape();
        PointAnalysis a = PointAnalysis.at(landscape.surface(), at);
        if (format == OutputFormat.json) {
            out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.analysis(a)));
            return Main.OK;
        }
        if (format == OutputFormat.csv) {
            throw new InvalidInputException("format", "analyze prints text or json, not csv");
        }
        Sym2 h = a.hessian();
        Sym2.Eigen e = a.eigen();
        out.printf(Locale.ROOT, "%s at %s: %s%n", landscape.name(), Numbers.point(at.x(), at.y()), a.kind().code());
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
