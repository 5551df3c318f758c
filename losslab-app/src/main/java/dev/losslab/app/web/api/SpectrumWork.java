package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.jobs.JobWork;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Lanczos;
import dev.losslab.core.linalg.Vectors;
import dev.losslab.core.maps.Job;
import dev.losslab.core.net.Curvature;
import dev.losslab.core.net.Network;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrainStep;
import java.util.List;
import java.util.Locale;

/**
 * The curvature at a trained racer's final weights (job kind {@code spectrum}, the models page's
 * "Look at the loss"; the CLI's {@code spectrum --full}): the racer trains again exactly as Train
 * ran it, then its loss Hessian's eigenvalues: every one for models of up to
 * {@link Curvature#MAX_FULL_PARAMETERS} parameters (the whole Hessian is formed from exact
 * Hessian-vector products), with the index and what it says; for larger ones the top
 * {@value #TOP} by Lanczos only. The sharpness (the top eigenvalue, by Lanczos as the training
 * curves track it) comes with the racer's 2/lr. The body is the training race's ({@link InspectBody}).
 * The eigenvalues are sent binned ({@link SpectrumHistogram}) with the exact extremes and counts.
 */
public final class SpectrumWork implements JobWork {

    /** Eigenvalues named one by one at each end of the spectrum. */
    static final int TOP = 10;

    private final InspectBody body;
    private final boolean full;
    private volatile String phase = "training";

    private SpectrumWork(InspectBody body, boolean full) {
        this.body = body;
        this.full = full;
    }

    public static SpectrumWork parse(JsonNode json, Limits.Training limits) {
        InspectBody body = InspectBody.parse(json, "spectrum", List.of(), limits);
        Objective o = body.chosen().spec().objective();
        Network network = o.network();
        double n = network.parameterCount();
        double rows = o.examples().rows();
        boolean full = n <= Curvature.MAX_FULL_PARAMETERS;
        // one racer's training, then N Hessian-vector products and the eigenvalues of an N×N matrix
        // (when full), and one Lanczos run (as SpectrumCommand counts them)
        double work = (body.race().steps() + 1.0) * rows * n + (full ? n * 2 * rows * n + 1.5 * n * n * n : 0)
                + Curvature.MAX_LANCZOS_ITERATIONS * 2 * rows * n;
        if (work > limits.maxWork()) {
            throw ApiException.badRequest("model", String.format(Locale.ROOT, "training %s and the eigenvalues of the %s "
                    + "network's Hessian (%,d parameters, %,d rows) may cost %.2g row·parameter products, more than the "
                    + "%.0e a job may: fewer steps, a smaller model or less data", body.chosen().id(), network.shape(),
                    (int) n, (int) rows, work, limits.maxWork()));
        }
        return new SpectrumWork(body, full);
    }

    @Override
    public String kind() {
        return "spectrum";
    }

    /** Which part of the work runs: the bar fills while the racer trains, then the eigenvalues take a moment. */
    @Override
    public ObjectNode partial() {
        return JsonViews.object().put("phase", phase);
    }

    @Override
    public ObjectNode compute(Job job) {
        TrainWork.Racer racer = body.chosen();
        TrainResult result = body.train(List.of(body.racer()), job, i -> (step, theta) -> { })[body.racer()];
        if (result.stop().equals("diverged")) {
            throw new InvalidInputException("racer", racer.id() + " diverged (" + result.detail() + "): its weights are not "
                    + "finite numbers, so they have no Hessian; lower its lr or take fewer steps");
        }
        job.check();
        phase = "eigenvalues";
        Objective o = racer.spec().objective();
        Network network = o.network();
        int n = network.parameterCount();
        double[] theta = result.parameters();
        double[] gradient = new double[n];
        double loss = o.evaluate(theta, gradient);
        Curvature curvature = new Curvature(o, job.checkpoint());
        Lanczos.Result top = curvature.top(theta, Math.min(TOP, n));
        Curvature.Spectrum spectrum = full ? curvature.spectrum(theta) : null;

        ObjectNode root = JsonViews.object();
        root.put("shape", network.shape());
        root.put("parameters", n);
        root.put("data", o.examples().name());
        root.put("racer", racer.id());
        root.put("optimizer", racer.kind().name());
        // under a schedule the edge that matters is the last update's 2/lr, not the first one's
        List<TrainStep> steps = result.steps();
        double lastLr = steps.size() >= 2 ? steps.get(steps.size() - 2).lr() : racer.spec().learningRate();
        JsonViews.put(root, "lr", lastLr);
        JsonViews.put(root, "twoOverLr", 2 / lastLr);
        root.put("schedule", racer.spec().schedule().name());
        root.put("step", result.last().step());
        JsonViews.put(root, "loss", loss);
        JsonViews.put(root, "gradNorm", Vectors.norm(gradient));
        // the whole spectrum's largest when there is one; else Lanczos's, null when it has not pinned it
        // down (Curvature.sharpness): a Ritz value can sit well under the top
        JsonViews.put(root, "sharpness", full ? spectrum.largest() : top.topWithin(Curvature.SHARPNESS_TOLERANCE));
        root.put("lanczosProducts", top.iterations());
        root.put("lanczosConverged", top.converged());
        root.put("full", full);
        double[] values;
        double tolerance;
        if (full) {
            values = spectrum.eigenvalues();
            tolerance = spectrum.tolerance();
            root.putNull("why");
            root.put("count", n);
            root.put("negative", spectrum.negative());
            root.put("zero", spectrum.zero());
            root.put("positive", n - spectrum.negative() - spectrum.zero());
            JsonViews.put(root, "index", spectrum.index());
            root.put("kind", spectrum.kind());
            JsonViews.put(root, "smallest", spectrum.smallest());
            JsonViews.put(root, "largest", spectrum.largest());
        } else {
            values = Vectors.reversed(top.values());
            double largest = 0;
            for (double v : values) {
                largest = Math.max(largest, Math.abs(v));
            }
            tolerance = 1e-6 * largest; // Curvature.Spectrum's rule, on the eigenvalues known
            root.put("why", String.format(Locale.ROOT, "The %s network has %,d parameters: its whole Hessian (%,d × %,d numbers) "
                    + "is formed only for models of up to %,d, so these are its top %d eigenvalues, found by Lanczos from "
                    + "Hessian-vector products; the index needs every eigenvalue.", network.shape(), n, n, n,
                    Curvature.MAX_FULL_PARAMETERS, values.length));
            root.put("count", values.length);
        }
        JsonViews.put(root, "tolerance", tolerance);
        ArrayNode largest = root.putArray("top");
        for (int k = values.length - 1; k >= Math.max(0, values.length - TOP); k--) {
            largest.add(values[k]);
        }
        ArrayNode smallest = root.putArray("bottom");
        if (full) {
            for (int k = 0; k < Math.min(TOP, values.length); k++) {
                smallest.add(values[k]);
            }
        }
        SpectrumHistogram histogram = SpectrumHistogram.of(values, tolerance);
        ObjectNode h = root.putObject("histogram");
        JsonViews.put(h, "linear", histogram.linear());
        ArrayNode bins = h.putArray("bins");
        for (SpectrumHistogram.Bin b : histogram.bins()) {
            ObjectNode bin = bins.addObject();
            JsonViews.put(bin, "from", b.from());
            JsonViews.put(bin, "to", b.to());
            bin.put("negative", b.negative());
            bin.put("zero", b.zero());
            bin.put("positive", b.positive());
        }
        return root;
    }
}
