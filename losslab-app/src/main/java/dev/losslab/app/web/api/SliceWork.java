package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.jobs.JobWork;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.field.SampledField;
import dev.losslab.core.maps.Job;
import dev.losslab.core.net.LossSlice;
import dev.losslab.core.net.Network;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.PathRecorder;
import dev.losslab.core.net.Plane;
import dev.losslab.core.net.SliceDirections;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrajectoryPca;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The loss of a trained race on a plane (job kind {@code slice}, the models page's "Look at the
 * loss"; the CLI's {@code slice} for a whole race): the racers train again exactly as Train ran
 * them, then the full-data loss L(θ* + α·d₁ + β·d₂) is evaluated on a G×G grid of α, β in
 * [−span, span] around θ*, the final weights of {@code racer}, and every racer's path is projected
 * on the plane ({@link LossSlice}, docs/NETWORKS.md "Slices"). The body is the training race's
 * ({@link InspectBody}) and:
 * <ul>
 *   <li>{@code plane}: {@code pca} (default), the plane through θ* closest to the racers' paths
 *       (their top two principal directions about θ*, {@link TrajectoryPca}, fitted to every racer
 *       that did not diverge, so each path is seen as little foreshortened as one plane allows); or
 *       {@code random}, two Gaussian directions filter-normalised as Li et al. 2018, seeded by the
 *       body's {@code seed};</li>
 *   <li>{@code span}: α and β run over [−span, span]; by default 1 for random directions (one
 *       whole filter-normalised direction away) and, for pca, enough to hold the paths;</li>
 *   <li>{@code size}: G, points per side, 3 to {@value #MAX_SIZE} (default 41).</li>
 * </ul>
 */
public final class SliceWork implements JobWork {

    /** The fields a slice body adds to a training race's (and {@code racer}). */
    static final List<String> FIELDS = List.of("plane", "span", "size");
    /** Most points per side on the web: 101² losses is an answer of about 250 kB. */
    public static final int MAX_SIZE = 101;
    /** The planes the page offers. */
    static final List<String> PLANES = List.of("pca", "random");

    private final InspectBody body;
    private final String plane;
    private final Double span;
    private final int size;
    /** The random directions' seed: the race's own (TrainWork checked it). */
    private final long seed;
    private volatile String phase = "training";

    private SliceWork(InspectBody body, String plane, Double span, int size, long seed) {
        this.body = body;
        this.seed = seed;
        this.plane = plane;
        this.span = span;
        this.size = size;
    }

    public static SliceWork parse(JsonNode json, Limits.Training limits) {
        InspectBody body = InspectBody.parse(json, "slice", FIELDS, limits);
        String plane = "pca";
        JsonNode p = json.get("plane");
        if (p != null && !p.isNull()) {
            if (!p.isTextual() || !PLANES.contains(p.asText().strip())) {
                throw ApiException.badRequest("plane", "plane must be pca (the plane closest to the paths) or random "
                        + "(filter-normalised random directions), got " + p);
            }
            plane = p.asText().strip();
        }
        Double span = null;
        JsonNode s = json.get("span");
        if (s != null && !s.isNull()) {
            if (!s.isNumber() || !(s.doubleValue() > 0) || !Double.isFinite(s.doubleValue())) {
                throw ApiException.badRequest("span", "span must be a number > 0 (α and β run over [-span, span]), got " + s);
            }
            span = s.doubleValue();
        }
        int size = LossSlice.DEFAULT_SIZE;
        JsonNode g = json.get("size");
        if (g != null && !g.isNull()) {
            if (!g.isIntegralNumber() || !g.canConvertToInt() || g.intValue() < 3 || g.intValue() > MAX_SIZE) {
                throw ApiException.badRequest("size", "size must be a whole number of points per side in 3 … " + MAX_SIZE
                        + ", got " + g);
            }
            size = g.intValue();
        }
        Objective o = body.chosen().spec().objective();
        Network network = o.network();
        int racers = body.race().racers().size();
        int pathPoints = racers * PathRecorder.pointsFor(body.race().steps(), network.parameterCount(), racers);
        // one full-data loss per grid point and per path point (LossSlice.work), after the training TrainWork bounded
        double work = ((double) size * size + pathPoints + 1) * o.examples().rows() * network.parameterCount();
        double most = Math.min(limits.maxWork(), LossSlice.MAX_WORK);
        if (work > most) {
            throw ApiException.badRequest("size", String.format(Locale.ROOT, "a %d×%d slice of the %s network (%,d parameters) "
                    + "over all %,d rows costs %.2g row·parameter products, more than the %.0e a slice may: fewer points "
                    + "per side, or a smaller model", size, size, network.shape(), network.parameterCount(),
                    o.examples().rows(), work, most));
        }
        return new SliceWork(body, plane, span, size, json.hasNonNull("seed") ? json.get("seed").longValue() : 0);
    }

    @Override
    public String kind() {
        return "slice";
    }

    /** Which part of the work runs, for the page to say while the bar moves (the bar follows the training, then waits at its end while the grid is evaluated). */
    @Override
    public ObjectNode partial() {
        return JsonViews.object().put("phase", phase);
    }

    @Override
    public ObjectNode compute(Job job) {
        List<TrainWork.Racer> racers = body.race().racers();
        Objective objective = body.chosen().spec().objective();
        Network network = objective.network();
        PathRecorder[] recorders = new PathRecorder[racers.size()];
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = new PathRecorder(body.race().steps(), network.parameterCount(), recorders.length);
        }
        TrainResult[] results = body.train(IntStream.range(0, racers.size()).boxed().toList(), job, i -> recorders[i]);
        phase = "slice";
        double[] centre = recorders[body.racer()].last().theta();
        // A diverged path runs off to 1e200: it would be the plane's first direction and nothing else.
        List<Integer> fitted = IntStream.range(0, racers.size()).filter(i -> !results[i].stop().equals("diverged")).boxed().toList();
        if (fitted.isEmpty()) {
            fitted = List.of(body.racer());
        }
        boolean diverged = results[body.racer()].stop().equals("diverged");
        Plane plane = plane(centre, diverged ? "last finite weights" : "final weights", recorders, fitted);
        double half = span != null ? span
                : this.plane.equals("pca") ? LossSlice.spanHolding(plane, thetas(recorders, fitted)) : LossSlice.DEFAULT_SPAN;
        List<PathRecorder.Point> path = new ArrayList<>();
        for (PathRecorder r : recorders) {
            path.addAll(r.path());
        }
        LossSlice slice = LossSlice.compute(objective, plane, half, size, path, recorders[0].every(), job);
        return answer(slice, results, recorders, fitted);
    }

    /** @param centreWords what the centre is, for the plane's description ("final weights") */
    private Plane plane(double[] centre, String centreWords, PathRecorder[] recorders, List<Integer> fitted) {
        Network network = body.chosen().spec().objective().network();
        if (plane.equals("random")) {
            return new SliceDirections.Random(seed).plane(network, centre, List.of());
        }
        // PCA's Gram matrix is M×M: each fitted path gives an equal share of PathRecorder.MAX_POINTS.
        int share = Math.max(2, PathRecorder.MAX_POINTS / fitted.size());
        List<double[]> points = new ArrayList<>();
        for (int i : fitted) {
            points.addAll(thinned(recorders[i].thetas(), share));
        }
        TrajectoryPca.Result pca = TrajectoryPca.of(points, centre, "plane", "choose the random plane");
        List<String> ids = fitted.stream().map(i -> body.race().racers().get(i).id()).toList();
        String whose = ids.size() == 1 ? "the path of " + ids.getFirst() : "the paths of " + String.join(", ", ids);
        return new Plane(centre, pca.first(), pca.second(), String.format(Locale.ROOT,
                "the plane through %s's %s closest to %s (their top two principal directions: %.1f %% and "
                        + "%.1f %% of their squared distance from the centre)", body.chosen().id(), centreWords, whose,
                100 * pca.shares()[0], 100 * pca.shares()[1]), List.of(pca.shares()[0], pca.shares()[1]));
    }

    /** The recorded θs of the fitted paths, one path after another. */
    private static List<double[]> thetas(PathRecorder[] recorders, List<Integer> fitted) {
        return fitted.stream().flatMap(i -> recorders[i].thetas().stream()).toList();
    }

    /** At most {@code most} of the points, evenly spaced, the first and the last among them. */
    static List<double[]> thinned(List<double[]> points, int most) {
        if (points.size() <= most) {
            return points;
        }
        List<double[]> kept = new ArrayList<>();
        for (int k = 0; k < most; k++) {
            kept.add(points.get((int) Math.round(k * (points.size() - 1.0) / (most - 1))));
        }
        return kept;
    }

    private ObjectNode answer(LossSlice slice, TrainResult[] results, PathRecorder[] recorders, List<Integer> fitted) {
        Objective o = body.chosen().spec().objective();
        ObjectNode root = JsonViews.object();
        root.put("shape", o.network().shape());
        root.put("parameters", o.network().parameterCount());
        root.put("data", o.examples().name());
        root.put("racer", body.chosen().id());
        // θ*: the final weights, or for a racer that diverged the last weights with a finite loss
        root.put("centreStep", recorders[body.racer()].last().step());
        JsonViews.put(root, "centreLoss", slice.centreLoss());
        ObjectNode p = root.putObject("plane");
        p.put("kind", plane);
        p.put("description", slice.plane().description());
        if (plane.equals("random")) {
            p.put("seed", seed);
        }
        ArrayNode shares = p.putArray("explainedVariance");
        slice.plane().explainedVariance().forEach(shares::add);
        JsonViews.put(root, "span", slice.span());
        root.put("size", slice.size());
        ArrayNode alpha = root.putArray("alpha");
        for (int i = 0; i < slice.size(); i++) {
            alpha.add(slice.coordinate(i));
        }
        ArrayNode loss = root.putArray("loss");
        for (int j = 0; j < slice.size(); j++) {
            ArrayNode row = loss.addArray();
            for (int i = 0; i < slice.size(); i++) {
                JsonViews.add(row, slice.value(i, j));
            }
        }
        Window window = Window.square(slice.span());
        root.set("picture", PictureJson.tree(FieldPicture.of(new SampledField(window, slice.size(), slice.values())), window));
        root.put("pathEvery", slice.pathEvery());
        ArrayNode list = root.putArray("racers");
        int from = 0;
        for (int i = 0; i < recorders.length; i++) {
            TrainWork.Racer racer = body.race().racers().get(i);
            int count = recorders[i].path().size();
            List<LossSlice.PathPoint> shadow = slice.path().subList(from, from + count);
            from += count;
            ObjectNode node = list.addObject();
            node.put("id", racer.id());
            node.put("optimizer", racer.kind().name());
            JsonViews.put(node, "lr", racer.spec().learningRate());
            node.put("stop", results[i].stop());
            node.put("fitted", fitted.contains(i));
            ObjectNode path = node.putObject("path");
            ArrayNode step = path.putArray("step");
            ArrayNode a = path.putArray("alpha");
            ArrayNode b = path.putArray("beta");
            ArrayNode l = path.putArray("loss");
            ArrayNode pl = path.putArray("planeLoss");
            ArrayNode r = path.putArray("residual");
            for (LossSlice.PathPoint q : shadow) {
                step.add(q.step());
                JsonViews.add(a, q.alpha());
                JsonViews.add(b, q.beta());
                JsonViews.add(l, q.loss());
                JsonViews.add(pl, q.planeLoss());
                JsonViews.add(r, q.residual());
            }
        }
        return root;
    }
}
