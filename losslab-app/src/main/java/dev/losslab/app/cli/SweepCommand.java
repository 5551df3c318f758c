package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.output.Ranges;
import dev.losslab.app.plot.SweepPlot;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.MomentumRegime;
import dev.losslab.core.maps.Sweep;
import dev.losslab.core.maps.SweepResult;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

final class SweepCommand extends Subcommand {

    static final String NAME = "sweep";

    private static final Opt<String> VARY = Opt.text("--vary", "P=A:B:N[,Q=C:D:M]",
            "what to sweep: N values of P from A to B (and M of Q), e.g. lr=0.01:0.3:30,momentum=0:0.99:34").mandatory();
    private static final Opt<List<String>> LOG = Opt.list("--log", "P[,Q]",
            "space these swept parameters evenly in log10 (e.g. --log lr)");
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");
    private static final Opt<Path> OUT = PlotFiles.option("the sweep as a heat map");

    SweepCommand() {
        super(NAME, List.of("Steps to converge (or diverged) over a 1-D or 2-D grid of hyper-parameters, from one start.",
                        "Each value range includes both ends. On a quadratic (bowl, saddle) with gd or momentum it also shows",
                        "the regime theory predicts: monotone, oscillating or divergent."),
                RunOptions.after(SurfaceOption.SURFACE, SurfaceOption.STANDARDIZE, OptimizerOption.OPTIMIZER, StartOption.START, VARY, LOG, FORMAT, OUT));
    }

    @Override
    public Integer call() throws Exception {
        Landscape landscape = SurfaceOption.landscape(this);
        OptimizerKind kind = OptimizerOption.kind(this);
        RunOptions options = RunOptions.of(this);
        Path outFile = get(OUT);
        List<String> log = get(LOG);
        List<Axis> axes = axes(get(VARY), log == null ? List.of() : log);
        for (Axis axis : axes) {
            if (options.fixes(axis.name())) {
                throw new InvalidInputException(axis.name(), axis.name() + " is both fixed (--" + axis.name() + ") and swept (--vary)");
            }
        }
        PlotFiles.check(outFile);
        SweepResult result;
        try (LongWork work = LongWork.start(err, "sweep")) {
            result = Sweep.run(axes, values -> {
                RunBuilder builder = options.applyTo(RunBuilder.on(landscape), kind, false);
                StartOption.applyTo(this, builder);
                values.forEach(builder::set);
                return builder.spec();
            }, work.job());
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        if (outFile != null) {
            PlotFiles.write(outFile, SweepPlot.of(result));
        }
        switch (get(FORMAT)) {
            case text -> text(result, out);
            case csv -> csv(result, out);
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(JsonViews.sweep(result)));
        }
        return Main.OK;
    }

    /** "lr=0.01:0.3:30,momentum=0:0.99:34" and the --log names → axes. */
    static List<Axis> axes(String text, List<String> logNames) {
        return Ranges.axes(text, logNames, "--vary", "--log");
    }

    private static String result(Outcome o) {
        return switch (o.stop().code()) {
            case "converged" -> Integer.toString(o.steps());
            case "diverged" -> "div";
            default -> "-";
        };
    }

    static void text(SweepResult r, PrintWriter out) {
        RunSpec first = r.spec(0, 0);
        Vec2 s = first.start();
        out.printf(Locale.ROOT, "sweep of %s on %s from %s, at most %d steps, tol %s%n", first.optimizerName(),
                first.landscape().name(), Numbers.point(s.x(), s.y()), first.maxSteps(), Numbers.brief(first.tolerance()));
        out.println("steps to converge; div = diverged, - = did not converge");
        Axis a = r.axes().getFirst();
        boolean theory = MomentumRegime.predict(first).isPresent();
        if (r.axes().size() == 1) {
            out.printf(Locale.ROOT, "%12s  %8s  %-11s%s  %s%n", a.name(), "steps", "stop", theory ? "  theory     " : "", "loss");
            for (int i = 0; i < r.columns(); i++) {
                Outcome o = r.outcome(i, 0);
                out.printf(Locale.ROOT, "%12s  %8s  %-11s%s  %s%n", Numbers.brief(a.value(i)), result(o), o.stop().code(),
                        theory ? String.format(Locale.ROOT, "  %-11s", MomentumRegime.predict(r.spec(i, 0)).orElseThrow().code()) : "",
                        Numbers.brief(o.loss()));
            }
            return;
        }
        Axis b = r.axes().get(1);
        table(r, out, a, b, (i, j) -> result(r.outcome(i, j)));
        if (theory) {
            out.println();
            out.println("theory (iteration-matrix eigenvalues): m = monotone, o = oscillating, d = divergent");
            table(r, out, a, b, (i, j) -> MomentumRegime.predict(r.spec(i, j)).orElseThrow().code().substring(0, 1));
        }
    }

    private interface CellText {
        String at(int i, int j);
    }

    private static void table(SweepResult r, PrintWriter out, Axis a, Axis b, CellText cell) {
        int width = 1;
        for (int i = 0; i < r.columns(); i++) {
            width = Math.max(width, heading(a.value(i)).length());
            for (int j = 0; j < r.rows(); j++) {
                width = Math.max(width, cell.at(i, j).length());
            }
        }
        String column = " %" + width + "s";
        out.printf(Locale.ROOT, "%10s \\ %s%n", b.name(), a.name());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%10s ", ""));
        for (int i = 0; i < r.columns(); i++) {
            header.append(String.format(Locale.ROOT, column, heading(a.value(i))));
        }
        out.println(header);
        for (int j = r.rows() - 1; j >= 0; j--) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%10s ", heading(b.value(j))));
            for (int i = 0; i < r.columns(); i++) {
                row.append(String.format(Locale.ROOT, column, cell.at(i, j)));
            }
            out.println(row);
        }
    }

    /** Four significant digits: enough to tell sweep values apart, short enough for a table column. */
    private static String heading(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return Numbers.brief(Double.parseDouble(s));
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static void csv(SweepResult r, PrintWriter out) {
        boolean theory = MomentumRegime.predict(r.spec(0, 0)).isPresent();
        StringBuilder header = new StringBuilder();
        r.axes().forEach(a -> header.append(a.name()).append(','));
        out.println(header + "stop,steps,x,y,loss" + (theory ? ",regime" : ""));
        for (int j = 0; j < r.rows(); j++) {
            for (int i = 0; i < r.columns(); i++) {
                Outcome o = r.outcome(i, j);
                StringBuilder row = new StringBuilder(Numbers.exact(r.axes().getFirst().value(i))).append(',');
                if (r.axes().size() == 2) {
                    row.append(Numbers.exact(r.axes().get(1).value(j))).append(',');
                }
                row.append(o.stop().code()).append(',').append(o.steps()).append(',').append(Numbers.exact(o.x())).append(',')
                        .append(Numbers.exact(o.y())).append(',').append(Numbers.exact(o.loss()));
                if (theory) {
                    row.append(',').append(MomentumRegime.predict(r.spec(i, j)).orElseThrow().code());
                }
                out.println(row);
            }
        }
    }
}
