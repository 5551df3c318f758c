package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.plot.SpectrumPlot;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Lanczos;
import dev.losslab.core.linalg.Vectors;
import dev.losslab.core.net.Curvature;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.Training;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@code losslab spectrum}: the eigenvalues of a network's loss Hessian at its trained (or initial)
 * weights: the top k by Lanczos for any model, every one and the index for small ones.
 */
final class SpectrumCommand extends Subcommand {

    static final String NAME = "spectrum";

    private static final Opt<String> AT = Opt.text("--at", "trained|init",
            "where: after training (trained), or at the initial weights (default: ${DEFAULT-VALUE})").defaultValue("trained");
    private static final Opt<Integer> TOP = Opt.integer("--top", "K",
            "the K largest eigenvalues: with --full, exactly from the whole spectrum; else by Lanczos on "
                    + "Hessian-vector products, for a model of any size, which may count a repeated eigenvalue fewer "
                    + "times than it is repeated (default: ${DEFAULT-VALUE})")
            .defaultValue(5);
    private static final Opt<Boolean> FULL = Opt.flag("--full",
            "every eigenvalue, from the whole Hessian (models of up to " + Curvature.MAX_FULL_PARAMETERS
                    + " parameters), and the index: the share that are negative");
    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");
    private static final Opt<Path> OUT = PlotFiles.option("a histogram of every eigenvalue (with --full)");

    SpectrumCommand() {
        super(NAME, List.of("The curvature of a network's loss after training (as train does it): the",
                        "Hessian's top eigenvalues (Lanczos on exact Hessian-vector products) and, for",
                        "small models, every eigenvalue and the index."),
                options());
    }

    private static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(NetworkOptions.MODEL_OPTIONS);
        options.addAll(List.of(OptimizerOption.OPTIMIZER, TrainingOptions.LEARNING_RATE, TrainingOptions.STEPS,
                TrainingOptions.BATCH_SIZE, NetworkOptions.SEED, NetworkOptions.INIT, TrainingOptions.BATCHES,
                AT, TOP, FULL, FORMAT, OUT, RunOptions.SCHEDULE));
        options.addAll(TrainingOptions.RULE_PARAMETERS);
        return options;
    }

    @Override
    public Integer call() throws Exception {
        PlotFiles.check(get(OUT));
        String at = get(AT);
        if (!at.equals("trained") && !at.equals("init")) {
            throw InvalidInputException.unknownName("at", at, List.of("trained", "init"));
        }
        boolean full = Boolean.TRUE.equals(get(FULL));
        if (get(OUT) != null && !full) {
            throw new InvalidInputException("out", "--out draws every eigenvalue: add --full");
        }
        TrainingOptions.Setup setup = TrainingOptions.read(this);
        Objective o = setup.spec().objective();
        int n = o.network().parameterCount();
        int k = get(TOP);
        if (k < 1 || k > Math.min(n, 100)) {
            throw InvalidInputException.outOfRange("top", "in 1 … " + Math.min(n, 100), k);
        }
        if (full && n > Curvature.MAX_FULL_PARAMETERS) {
            throw new InvalidInputException("full", String.format(Locale.ROOT, "--full forms the whole Hessian, for models of "
                    + "up to %,d parameters; the %s network has %,d: use --top K", Curvature.MAX_FULL_PARAMETERS,
                    o.network().shape(), n));
        }
        double rows = o.examples().rows();
        double curvatureWork = (full ? n * 2.0 * rows * n + 1.5 * n * (double) n * n : 0)
                + Curvature.MAX_LANCZOS_ITERATIONS * 2.0 * rows * n;
        if (curvatureWork > Training.MAX_WORK) {
            throw new InvalidInputException(full ? "full" : "top", String.format(Locale.ROOT, "the eigenvalues of the %s "
                    + "network (%,d parameters) on %,d rows may cost %.2g row·parameter products, more than the cap of %.0e: "
                    + "a smaller model or less data", o.network().shape(), n, (int) rows, curvatureWork, Training.MAX_WORK));
        }
        double[] theta;
        String where;
        Lanczos.Result top;
        Curvature.Spectrum spectrum;
        try (LongWork work = LongWork.start(err, NAME)) {
            if (at.equals("init")) {
                theta = setup.spec().initial();
                where = "at the initial weights";
            } else {
                TrainResult result = Training.run(setup.spec(), s -> { }, work.job().checkpoint());
                if (result.stop().equals("diverged")) {
                    throw new InvalidInputException("lr", "training diverged (" + result.detail() + "): its weights are not "
                            + "finite numbers, so they have no Hessian; lower --lr or take fewer --steps");
                }
                theta = result.parameters();
                where = String.format(Locale.ROOT, "after %d steps of %s (lr %s), loss %s", result.last().step(),
                        setup.kind().name(), Numbers.brief(setup.spec().learningRate()), Numbers.brief(result.last().loss()));
            }
            Curvature curvature = new Curvature(o, work.job().checkpoint());
            top = curvature.top(theta, k);
            spectrum = full ? curvature.spectrum(theta) : null;
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        String about = String.format(Locale.ROOT, "%s %s on %s (%,d parameters), %s", setup.model().label(), o.network().shape(),
                o.examples().name(), n, where);
        switch (get(FORMAT)) {
            case text -> text(about, top, spectrum);
            case csv -> {
                out.println("rank,eigenvalue");
                double[] values = spectrum != null ? Vectors.reversed(spectrum.eigenvalues()) : top.values();
                for (int i = 0; i < values.length; i++) {
                    out.println((i + 1) + "," + Numbers.exact(values[i]));
                }
            }
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(json(about, top, spectrum)));
        }
        if (get(OUT) != null) {
            PlotFiles.write(get(OUT), new SpectrumPlot(spectrum.eigenvalues(), spectrum.negative(), spectrum.tolerance(),
                    "Hessian spectrum of " + o.network().shape() + " on " + o.examples().name()));
        }
        return Main.OK;
    }

    private void text(String about, Lanczos.Result top, Curvature.Spectrum spectrum) {
        out.println(about);
        double[] largest = largest(top, spectrum);
        if (spectrum != null) {
            out.printf(Locale.ROOT, "top %d eigenvalues (from the whole spectrum):%n", largest.length);
        } else {
            out.printf(Locale.ROOT, "top %d eigenvalues (Lanczos, %d Hessian-vector products%s; a repeated eigenvalue may "
                    + "be counted fewer times than it is repeated):%n", largest.length, top.iterations(),
                    top.converged() ? "" : ", NOT converged");
        }
        for (double v : largest) {
            out.println("  " + Numbers.brief(v));
        }
        // the whole spectrum's largest when there is one; Lanczos's only when pinned (a Ritz value can
        // sit well below the top, and would promise a stable lr that is not)
        double sharpness = spectrum != null ? spectrum.largest() : top.topWithin(Curvature.SHARPNESS_TOLERANCE);
        if (Double.isNaN(sharpness)) {
            out.printf(Locale.ROOT, "Lanczos did not pin the largest eigenvalue to a relative %s, so no stable lr is given%n",
                    Numbers.brief(Curvature.SHARPNESS_TOLERANCE));
        } else if (sharpness > 0) {
            out.printf(Locale.ROOT, "gradient descent is stable along the top direction for lr < 2/λmax = %s%n",
                    Numbers.brief(2 / sharpness));
        }
        if (spectrum != null) {
            int n = spectrum.eigenvalues().length;
            out.printf(Locale.ROOT, "all %d eigenvalues: from %s to %s; %d negative, %d within ±%s of 0, %d positive%n", n,
                    Numbers.brief(spectrum.smallest()), Numbers.brief(spectrum.largest()), spectrum.negative(), spectrum.zero(),
                    Numbers.brief(spectrum.tolerance()), n - spectrum.negative() - spectrum.zero());
            out.printf(Locale.ROOT, "index (share of negative eigenvalues): %.2f %%%s%n", 100 * spectrum.index(),
                    spectrum.negative() == 0 ? " — no descent direction: a minimum, if the gradient is 0 too" : "");
        }
    }

    /** The K largest: exact from the whole spectrum when there is one, else Lanczos's. */
    private static double[] largest(Lanczos.Result top, Curvature.Spectrum spectrum) {
        if (spectrum == null) {
            return top.values();
        }
        return java.util.Arrays.copyOf(Vectors.reversed(spectrum.eigenvalues()), top.values().length);
    }

    private static ObjectNode json(String about, Lanczos.Result top, Curvature.Spectrum spectrum) {
        ObjectNode root = JsonViews.object();
        root.put("about", about);
        ArrayNode values = root.putArray("top");
        for (double v : largest(top, spectrum)) {
            values.add(v);
        }
        root.put("lanczos_products", top.iterations());
        root.put("converged", top.converged());
        if (spectrum != null) {
            ArrayNode all = root.putArray("eigenvalues");
            for (double v : spectrum.eigenvalues()) {
                all.add(v);
            }
            root.put("negative", spectrum.negative());
            root.put("zero", spectrum.zero());
            JsonViews.put(root, "index", spectrum.index());
        }
        return root;
    }
}
