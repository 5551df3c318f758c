package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.plot.SlicePlot;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.net.LossSlice;
import dev.losslab.core.net.Network;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.PathRecorder;
import dev.losslab.core.net.Plane;
import dev.losslab.core.net.SliceDirections;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.Training;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@code losslab slice}: trains a network as {@code train} does, then evaluates its full-data loss
 * on a plane through the trained point (or θ₀) with the training path's shadow on it
 * ({@code docs/NETWORKS.md}, "Slices").
 */
final class SliceCommand extends Subcommand {

    static final String NAME = "slice";

    /** What {@code --format} takes: the grid as numbers, or as a picture. */
    enum SliceFormat { json, csv, png }

    private static final Opt<String> AT = Opt.text("--at", "trained|init",
            "the plane's centre θ*: the trained point (the last",
            "θ reached with a finite loss) or θ₀ (default:",
            "${DEFAULT-VALUE})")
            .defaultValue("trained");
    private static final Opt<String> DIRECTIONS = Opt.text("--directions", "random|pca|params:A,B",
            "the plane's directions d₁, d₂ (default: ${DEFAULT-VALUE}):",
            "random: Gaussian, filter-normalised as Li et al.",
            "  2018 (biases 0), seeded by --seed (random:SEED",
            "  for another seed);",
            "pca: the top two principal directions of the",
            "  path θ₀ … θ_T relative to θ*;",
            "params:NAME1,NAME2: two parameters as the",
            "  state_dict names them, such as",
            "  params:0.weight[3][1],2.bias[0]").defaultValue("random");
    private static final Opt<Double> SPAN = Opt.real("--span", "S",
            "α and β run over [-S, S] (default: " + Numbers.brief(LossSlice.DEFAULT_SPAN) + "; with pca, enough to hold the path)");
    private static final Opt<Integer> GRID = Opt.integer("--grid", "N",
            "N×N points, 2 to " + LossSlice.MAX_SIZE + ", both ends included (default: ${DEFAULT-VALUE})")
            .defaultValue(LossSlice.DEFAULT_SIZE);
    private static final Opt<SliceFormat> FORMAT = Opt.choice("--format", SliceFormat.class, "json|csv|png",
            "json: the grid, the directions and the projected",
            "path; csv: alpha,beta,loss rows; png: the picture,",
            "to --out (default: ${DEFAULT-VALUE})").defaultValue(SliceFormat.json);
    private static final Opt<Path> OUT = Opt.path("--out", "FILE.png|FILE.svg",
            "draw the slice (colour map, contours, colour bar,",
            "the path's shadow) to this file; needed with",
            "--format png");

    SliceCommand() {
        super(NAME, List.of("Train a network as train does, then evaluate its full-data loss on a plane",
                        "through the trained point, L(θ* + α·d₁ + β·d₂) for α, β on an N×N grid in",
                        "[-S, S], with the training path projected on it. The projected path is a",
                        "shadow: (α_k, β_k) are θ_k's least-squares coordinates in the plane, the",
                        "residual how far θ_k lies off it; the shadow may cross contours the path",
                        "never crossed (docs/NETWORKS.md, Slices)."),
                options());
    }

    private static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(NetworkOptions.MODEL_OPTIONS);
        options.addAll(List.of(OptimizerOption.OPTIMIZER, TrainingOptions.LEARNING_RATE, TrainingOptions.STEPS,
                TrainingOptions.BATCH_SIZE, NetworkOptions.SEED, NetworkOptions.INIT, TrainingOptions.BATCHES,
                RunOptions.SCHEDULE, AT, DIRECTIONS, SPAN, GRID, FORMAT, OUT));
        options.addAll(TrainingOptions.RULE_PARAMETERS);
        return options;
    }

    @Override
    public Integer call() throws Exception {
        SliceFormat format = get(FORMAT);
        Path outFile = get(OUT);
        if (format == SliceFormat.png && outFile == null) {
            throw new InvalidInputException("out", "--format png draws a picture: give --out FILE.png (or FILE.svg)");
        }
        PlotFiles.check(outFile);
        boolean atInit = switch (get(AT)) {
            case "trained" -> false;
            case "init" -> true;
            default -> throw InvalidInputException.unknownName("at", get(AT), List.of("trained", "init"));
        };
        TrainingOptions.Setup setup = TrainingOptions.read(this);
        Training.Spec spec = setup.spec();
        Objective objective = spec.objective();
        Network network = objective.network();
        SliceDirections directions = SliceDirections.parse(get(DIRECTIONS), network, get(NetworkOptions.SEED));
        Double givenSpan = get(SPAN);
        int grid = get(GRID);
        int pathPoints = PathRecorder.pointsFor(spec.steps(), network.parameterCount());
        LossSlice.check(objective, givenSpan != null ? givenSpan : LossSlice.DEFAULT_SPAN, grid, pathPoints);

        PathRecorder recorder = new PathRecorder(spec.steps(), network.parameterCount());
        TrainResult result;
        LossSlice slice;
        try (LongWork work = LongWork.start(err, NAME)) {
            result = Training.run(spec, recorder, work.job().checkpoint());
            double[] centre = atInit ? spec.initial() : recorder.last().theta();
            Plane plane = directions.plane(network, centre, recorder.thetas());
            double span = givenSpan != null ? givenSpan
                    : directions instanceof SliceDirections.Pca ? LossSlice.spanHolding(plane, recorder.thetas()) : LossSlice.DEFAULT_SPAN;
            slice = LossSlice.compute(objective, plane, span, grid, recorder.path(), recorder.every(), work.job());
        } catch (CancellationException e) {
            err.println("cancelled");
            return LongWork.CANCELLED;
        }
        if (!result.stop().equals("max-steps")) {
            err.println("training stopped: " + result.stop() + ": " + result.detail());
        }
        if (outFile != null) {
            PlotFiles.write(outFile, plot(setup, slice, atInit, directions));
        }
        switch (format) {
            case json -> out.println(JsonViews.MAPPER.writeValueAsString(json(setup, result, slice, atInit, directions)));
            case csv -> csv(slice, out);
            case png -> { }
        }
        return Main.OK;
    }

    /** One row per grid point, α varying fastest; an undefined loss as an empty cell. */
    static void csv(LossSlice slice, PrintWriter out) {
        out.println("alpha,beta,loss");
        for (int j = 0; j < slice.size(); j++) {
            String beta = Numbers.exact(slice.coordinate(j));
            for (int i = 0; i < slice.size(); i++) {
                double v = slice.value(i, j);
                out.println(Numbers.exact(slice.coordinate(i)) + "," + beta + "," + (Double.isNaN(v) ? "" : Numbers.exact(v)));
            }
        }
    }

    static ObjectNode json(TrainingOptions.Setup setup, TrainResult result, LossSlice slice, boolean atInit,
                           SliceDirections directions) {
        ObjectNode root = TrainingOptions.describe(setup);
        root.put("stop", result.stop());
        root.put("detail", result.detail());
        root.put("at", atInit ? "init" : "trained");
        JsonViews.put(root, "centre_loss", slice.centreLoss());
        ObjectNode d = root.putObject("directions");
        d.put("kind", kind(directions));
        d.put("description", slice.plane().description());
        switch (directions) {
            case SliceDirections.Random r -> d.put("seed", r.seed());
            case SliceDirections.Params p -> {
                d.put("first", p.first().name());
                d.put("second", p.second().name());
            }
            case SliceDirections.Pca p -> {
                ArrayNode shares = d.putArray("explained_variance");
                slice.plane().explainedVariance().forEach(shares::add);
            }
        }
        JsonViews.put(root, "span", slice.span());
        root.put("grid", slice.size());
        ArrayNode alpha = root.putArray("alpha");
        for (int i = 0; i < slice.size(); i++) {
            alpha.add(slice.coordinate(i));
        }
        root.set("beta", alpha.deepCopy());
        ArrayNode loss = root.putArray("loss");
        for (int j = 0; j < slice.size(); j++) {
            ArrayNode row = loss.addArray();
            for (int i = 0; i < slice.size(); i++) {
                double v = slice.value(i, j);
                if (Double.isNaN(v)) {
                    row.addNull();
                } else {
                    row.add(v);
                }
            }
        }
        ObjectNode path = root.putObject("path");
        path.put("every", slice.pathEvery());
        ArrayNode points = path.putArray("points");
        for (LossSlice.PathPoint p : slice.path()) {
            ObjectNode o = points.addObject();
            o.put("step", p.step());
            JsonViews.put(o, "alpha", p.alpha());
            JsonViews.put(o, "beta", p.beta());
            JsonViews.put(o, "loss", p.loss());
            JsonViews.put(o, "plane_loss", p.planeLoss());
            JsonViews.put(o, "residual", p.residual());
        }
        return root;
    }

    private static String kind(SliceDirections directions) {
        return switch (directions) {
            case SliceDirections.Random r -> "random";
            case SliceDirections.Pca p -> "pca";
            case SliceDirections.Params p -> "params";
        };
    }

    static SlicePlot plot(TrainingOptions.Setup setup, LossSlice slice, boolean atInit, SliceDirections directions) {
        Objective o = setup.spec().objective();
        Network n = o.network();
        String title = String.format(Locale.ROOT, "Loss of the %s %s%s on %s around %s", n.shape(), setup.model().label(),
                n.layers() > 1 ? " (" + n.activation().label() + ")" : "", o.examples().name(), atInit ? "θ₀" : "the trained θ");
        List<Double> shares = slice.plane().explainedVariance();
        String[] axes = switch (directions) {
            case SliceDirections.Random r -> new String[] {"α (random direction d₁)", "β (random direction d₂)"};
            case SliceDirections.Pca p -> new String[] {
                    String.format(Locale.ROOT, "α (PC1, %.1f %% of the path)", 100 * shares.get(0)),
                    String.format(Locale.ROOT, "β (PC2, %.1f %% of the path)", 100 * shares.get(1))};
            case SliceDirections.Params p -> new String[] {"α: change of " + p.first().name(), "β: change of " + p.second().name()};
        };
        return SlicePlot.of(slice, title, axes[0], axes[1], setup.kind().name());
    }
}
