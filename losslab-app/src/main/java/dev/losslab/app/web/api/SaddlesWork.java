package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.jobs.JobWork;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Job;
import dev.losslab.core.net.CriticalSearch;
import dev.losslab.core.net.Curvature;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.SaddleStudy;
import dev.losslab.core.net.Training;
import java.util.List;
import java.util.Locale;

/**
 * Saddles in many dimensions (job kind {@code saddles}, the tour's last section; the CLI's
 * {@code saddles}): critical points found from points along training runs, each with its loss and
 * index. The body is a {@link TrainWork training race}'s with one racer (the run whose points seed
 * the searches), plus {@code runs}, {@code starts-every} and {@code search-steps}:
 * <pre>{@code
 * {"kind": "saddles", "data": "xor", "model": "mlp", "hidden": "4", "loss": "mse", "steps": 300,
 *  "racers": [{"optimizer": "gd", "params": {"lr": 0.3}}], "runs": 6, "starts-every": 50}
 * }</pre>
 */
public record SaddlesWork(SaddleStudy.Spec spec) implements JobWork {

    /** The fields a saddles body adds to a training race's. */
    static final List<String> FIELDS = List.of("runs", "starts-every", "search-steps");
    /** Most training runs a web study takes. */
    public static final int MAX_RUNS = 12;
    /** Most Levenberg–Marquardt iterations per search on the web. */
    public static final int MAX_SEARCH_STEPS = 200;

    public static SaddlesWork parse(JsonNode body, Limits.Training limits) {
        ObjectNode race = body.deepCopy();
        FIELDS.forEach(race::remove);
        TrainWork train = TrainWork.parse(race, limits);
        if (train.racers().size() != 1) {
            throw ApiException.badRequest("racers", "a saddles study trains with one optimizer: racers must list one, got "
                    + train.racers().size());
        }
        Training.Spec training = train.racers().getFirst().spec();
        int runs = whole(body, "runs", 4, 1, MAX_RUNS);
        int every = whole(body, "starts-every", Math.max(1, training.steps() / 10), 1, training.steps() == 0 ? 1 : training.steps());
        int searchSteps = whole(body, "search-steps", 100, 1, MAX_SEARCH_STEPS);
        SaddleStudy.Spec spec;
        try {
            // run r starts from the weights of seed + r, run 0 from the body's own seed (TrainWork checked it)
            long seed = body.hasNonNull("seed") ? body.get("seed").longValue() : 0;
            spec = new SaddleStudy.Spec(training, runs, seed, every, searchSteps, SaddleStudy.DEFAULT_TOLERANCE);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
        if (spec.work() > limits.maxWork()) {
            throw ApiException.badRequest("search-steps", String.format(Locale.ROOT, "%d searches of up to %d iterations on the "
                    + "%s network cost up to %.2g row·parameter products, more than the %.0e a job may: fewer runs, starts "
                    + "or search steps, or a smaller model", spec.searches(), searchSteps,
                    training.objective().network().shape(), spec.work(), limits.maxWork()));
        }
        return new SaddlesWork(spec);
    }

    private static int whole(JsonNode body, String field, int absent, int lo, int hi) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < lo || value.intValue() > hi) {
            throw ApiException.badRequest(field, field + " must be a whole number in " + lo + " … " + hi + ", got " + value);
        }
        return value.intValue();
    }

    @Override
    public String kind() {
        return "saddles";
    }

    @Override
    public ObjectNode compute(Job job) {
        List<SaddleStudy.Point> points = SaddleStudy.run(spec, job);
        Objective o = spec.training().objective();
        ObjectNode root = JsonViews.object();
        root.put("shape", o.network().shape());
        root.put("parameters", o.network().parameterCount());
        root.put("data", o.examples().name());
        root.put("runs", spec.runs());
        root.put("startsEvery", spec.startsEvery());
        JsonViews.put(root, "tolerance", spec.gradientTolerance());
        ArrayNode list = root.putArray("points");
        for (SaddleStudy.Point p : points) {
            CriticalSearch.Found f = p.found();
            ObjectNode n = list.addObject();
            n.put("run", p.run());
            n.put("step", p.step());
            JsonViews.put(n, "startLoss", p.startLoss());
            JsonViews.put(n, "loss", f.loss());
            JsonViews.put(n, "gradNorm", f.gradNorm());
            n.put("critical", f.critical());
            Curvature.Spectrum s = f.spectrum();
            if (s != null) {
                n.put("negative", s.negative());
                n.put("zero", s.zero());
                JsonViews.put(n, "index", s.index());
            }
        }
        return root;
    }
}
