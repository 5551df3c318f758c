package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.plot.IndexLossPlot;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.net.CriticalSearch;
import dev.losslab.core.net.Curvature;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.SaddleStudy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@code losslab saddles}: critical points of a small network's loss, found from points along
 * training runs by minimising ‖∇L‖², each with its loss and its index (Dauphin et al. 2014).
 */
final class SaddlesCommand extends Subcommand {

    static final String NAME = "saddles";

    private static final Opt<Integer> RUNS = Opt.integer("--runs", "R",
            "training runs, from the initial weights of seeds S, S+1, … (default: ${DEFAULT-VALUE})").defaultValue(4);
    private static final Opt<Integer> STARTS_EVERY = Opt.integer("--starts-every", "K",
            "start a search from the run's parameters at steps 0, K, 2K, … and the last (default: a tenth of --steps)");
    private static final Opt<Integer> SEARCH_STEPS = Opt.integer("--search-steps", "N",
            "Levenberg–Marquardt iterations per search at most (default: ${DEFAULT-VALUE})").defaultValue(200);
    private static final Opt<Double> TOLERANCE = Opt.real("--tolerance", "T",
            "a point is critical when ‖∇L‖ is at most T (default: ${DEFAULT-VALUE})").defaultValue(SaddleStudy.DEFAULT_TOLERANCE);
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");
    private static final Opt<Path> OUT = PlotFiles.option("each critical point's index against its loss");

    static final List<String> COLUMNS = List.of("run", "step", "start_loss", "loss", "grad_norm", "critical", "iterations",
            "parameters", "negative", "zero", "index", "smallest", "largest");

    SaddlesCommand() {
        super(NAME, List.of("Saddles in many dimensions (Dauphin et al. 2014): train a small network from",
                        "several initial weights, search from points along each run for a critical",
                        "point (a zero of ∇L by Levenberg–Marquardt, drawn to saddles as much as to",
                        "minima), and give each one's loss and index, the share of negative Hessian",
                        "eigenvalues."),
                options());
    }

    private static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(NetworkOptions.MODEL_OPTIONS);
        options.addAll(List.of(OptimizerOption.OPTIMIZER, TrainingOptions.LEARNING_RATE, TrainingOptions.STEPS,
                TrainingOptions.BATCH_SIZE, NetworkOptions.SEED, NetworkOptions.INIT, TrainingOptions.BATCHES,
                RUNS, STARTS_EVERY, SEARCH_STEPS, TOLERANCE, FORMAT, OUT, RunOptions.SCHEDULE));
        options.addAll(TrainingOptions.RULE_PARAMETERS);
        return options;
    }

    @Override
    public Integer call() throws Exception {
        PlotFiles.check(get(OUT));
        if (get(NetworkOptions.INIT) != null && get(RUNS) > 1) {
            throw new InvalidInputException("runs", "--init gives one run's initial weights; with it, --runs must be 1");
        }
        TrainingOptions.Setup setup = TrainingOptions.read(this);
        int steps = setup.spec().steps();
        int every = get(STARTS_EVERY) != null ? get(STARTS_EVERY) : Math.max(1, steps / 10);
        SaddleStudy.Spec spec = new SaddleStudy.Spec(setup.spec(), get(RUNS), get(NetworkOptions.SEED), every,
                get(SEARCH_STEPS), get(TOLERANCE));
        List<SaddleStudy.Point> points;
        try (LongWork work = LongWork.start(err, NAME)) {
            points = SaddleStudy.run(spec, work.job());
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        Objective o = setup.spec().objective();
        String about = String.format(Locale.ROOT, "%s %s on %s, %s lr %s, %d steps, %d runs", setup.model().label(),
                o.network().shape(), o.examples().name(), setup.kind().name(), Numbers.brief(setup.spec().learningRate()),
                steps, spec.runs());
        switch (get(FORMAT)) {
            case text -> text(about, o, points);
            case csv -> {
                out.println(String.join(",", COLUMNS));
                points.forEach(p -> out.println(csvRow(p)));
            }
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(json(about, o, spec, points)));
        }
        if (get(OUT) != null) {
            PlotFiles.write(get(OUT), new IndexLossPlot(points, "Critical points of " + o.network().shape() + " on "
                    + o.examples().name() + ": index against loss"));
        }
        return Main.OK;
    }

    private void text(String about, Objective o, List<SaddleStudy.Point> points) {
        out.println(about + String.format(Locale.ROOT, "; %,d parameters", o.network().parameterCount()));
        List<SaddleStudy.Point> critical = points.stream().filter(p -> p.found().critical())
                .sorted(Comparator.comparingDouble(p -> p.found().loss())).toList();
        out.printf(Locale.ROOT, "%d searches, %d ended at a critical point (‖∇L‖ ≤ %s):%n", points.size(), critical.size(),
                Numbers.brief(get(TOLERANCE)));
        out.printf(Locale.ROOT, "%5s %6s %14s %14s %8s %10s  %s%n", "run", "step", "loss", "grad_norm", "index", "negative", "kind");
        for (SaddleStudy.Point p : critical) {
            Curvature.Spectrum s = p.found().spectrum();
            out.printf(Locale.ROOT, "%5d %6d %14s %14s %7.1f%% %10d  %s%n", p.run(), p.step(), Numbers.brief(p.found().loss()),
                    Numbers.brief(p.found().gradNorm()), 100 * s.index(), s.negative(), s.kind());
        }
        long minima = critical.stream().filter(p -> p.found().spectrum().kind().equals("minimum")).count();
        long degenerate = critical.stream().filter(p -> p.found().spectrum().kind().equals("degenerate")).count();
        out.printf(Locale.ROOT, "%d minima, %d saddles, %d degenerate (no direction down but some flat: the Hessian "
                + "cannot tell); %d searches stalled before the gradient vanished%n", minima,
                critical.size() - minima - degenerate, degenerate, points.size() - critical.size());
    }

    static String csvRow(SaddleStudy.Point p) {
        CriticalSearch.Found f = p.found();
        Curvature.Spectrum s = f.spectrum();
        return String.join(",", List.of(Integer.toString(p.run()), Integer.toString(p.step()), cell(p.startLoss()),
                cell(f.loss()), cell(f.gradNorm()), Boolean.toString(f.critical()), Integer.toString(f.iterations()),
                Integer.toString(f.theta().length), s == null ? "" : Integer.toString(s.negative()),
                s == null ? "" : Integer.toString(s.zero()), s == null ? "" : cell(s.index()),
                s == null ? "" : cell(s.smallest()), s == null ? "" : cell(s.largest())));
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Numbers.exact(v) : "";
    }

    private static ObjectNode json(String about, Objective o, SaddleStudy.Spec spec, List<SaddleStudy.Point> points) {
        ObjectNode root = JsonViews.object();
        root.put("about", about);
        root.put("parameters", o.network().parameterCount());
        root.put("runs", spec.runs());
        root.put("starts_every", spec.startsEvery());
        root.put("search_steps", spec.searchSteps());
        JsonViews.put(root, "tolerance", spec.gradientTolerance());
        ArrayNode list = root.putArray("points");
        for (SaddleStudy.Point p : points) {
            ObjectNode n = list.addObject();
            n.put("run", p.run());
            n.put("step", p.step());
            JsonViews.put(n, "start_loss", p.startLoss());
            JsonViews.put(n, "loss", p.found().loss());
            JsonViews.put(n, "grad_norm", p.found().gradNorm());
            n.put("critical", p.found().critical());
            n.put("iterations", p.found().iterations());
            Curvature.Spectrum s = p.found().spectrum();
            if (s != null) {
                n.put("negative", s.negative());
                n.put("zero", s.zero());
                JsonViews.put(n, "index", s.index());
                ArrayNode values = n.putArray("eigenvalues");
                for (double v : s.eigenvalues()) {
                    values.add(v);
                }
            }
        }
        return root;
    }
}
