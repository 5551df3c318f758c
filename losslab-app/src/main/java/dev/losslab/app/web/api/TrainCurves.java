package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.net.EveryKthStep;
import dev.losslab.core.net.TrainStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One racer's curves as training reaches its steps, thinned as they come so the answer stays bounded
 * whatever the steps: every {@code every}-th step is kept (and the last one reached), at most
 * {@link #MAX_POINTS} + 1 points; the sharpness checks are thinned the same way on their own. A check
 * is decided by its step (a sharpness Lanczos could not pin is NaN too, and is kept, as null).
 * Written by the racer's thread, read (a copy) by the thread that answers a poll.
 */
final class TrainCurves {

    /** Most points a curve keeps: about one per pixel of a wide chart. */
    static final int MAX_POINTS = 2_000;
    /** Most points a curve shows while the job runs (each poll carries them all again). */
    static final int PARTIAL_POINTS = 500;

    private final int every;
    private final int lastStep;
    private final int checkEvery;
    private final int keptCheckEvery;
    private final boolean classification;
    private final List<TrainStep> kept = new ArrayList<>();
    private final List<TrainStep> sharp = new ArrayList<>();
    private TrainStep last;
    /** How the run ended ("max-steps", "diverged", …) and why, once it has; null while it trains. */
    private String stop;
    private String detail;

    /**
     * @param steps          the updates asked for: steps 0 … steps are reached
     * @param checkEvery     K, the steps between two sharpness checks, 0 for none
     * @param classification whether there is an accuracy to keep
     */
    TrainCurves(int steps, int checkEvery, boolean classification) {
        this.every = stride(steps + 1L);
        this.lastStep = steps;
        this.checkEvery = checkEvery;
        this.keptCheckEvery = checkEvery == 0 ? 0 : checkEvery * stride(steps / checkEvery + 2L);
        this.classification = classification;
    }

    /** k such that keeping every k-th of {@code count} points keeps at most MAX_POINTS + 1 of them. */
    static int stride(long count) {
        return (int) Math.max(1, (count + MAX_POINTS - 1) / MAX_POINTS);
    }

    /** Steps between two kept points. */
    int every() {
        return every;
    }

    synchronized void reached(TrainStep step) {
        last = step;
        if (step.step() % every == 0) {
            kept.add(step);
        }
        if (keptCheckEvery > 0 && step.step() % keptCheckEvery == 0) {
            sharp.add(step);
        }
    }

    /** The run has ended at its last step (reported already): keep that step's point and check too. */
    synchronized void ended() {
        if (last != null && (kept.isEmpty() || kept.getLast() != last)) {
            kept.add(last);
        }
        if (last != null && checkEvery > 0 && EveryKthStep.includes(last.step(), checkEvery, lastStep)
                && (sharp.isEmpty() || sharp.getLast() != last)) {
            sharp.add(last);
        }
    }

    /** The run has stopped, and why ({@code TrainResult.stop} and {@code detail}): a poll says so while others train. */
    synchronized void stopped(String stop, String detail) {
        this.stop = stop;
        this.detail = detail;
    }

    /** The last step reached, or null before the first. */
    synchronized TrainStep last() {
        return last;
    }

    /**
     * {@code curve} ({@code step}, {@code loss}, {@code gradNorm}, {@code lr} (the rate of the update
     * taken from that step; null at the last) and for classes {@code accuracy}, one entry per kept
     * step) and {@code sharpness} ({@code step}, {@code value} (null where Lanczos did not pin it),
     * {@code lr}) into {@code racer}: with a
     * schedule the line 2/lr the sharpness is held against moves. Once the run has stopped, also
     * {@code stop} and {@code detail}.
     *
     * @param points most points per curve: {@link #MAX_POINTS} or {@link #PARTIAL_POINTS}
     */
    void write(ObjectNode racer, int points) {
        List<TrainStep> rows;
        List<TrainStep> checks;
        synchronized (this) {
            rows = thin(kept, points);
            checks = thin(sharp, points);
            if (stop != null) {
                racer.put("stop", stop);
                racer.put("detail", detail);
            }
        }
        ObjectNode curve = racer.putObject("curve");
        ArrayNode step = curve.putArray("step");
        ArrayNode loss = curve.putArray("loss");
        ArrayNode norm = curve.putArray("gradNorm");
        ArrayNode rate = curve.putArray("lr");
        ArrayNode accuracy = classification ? curve.putArray("accuracy") : null;
        for (TrainStep s : rows) {
            step.add(s.step());
            JsonViews.add(loss, s.loss());
            JsonViews.add(norm, s.gradNorm());
            JsonViews.add(rate, s.lr());
            if (accuracy != null) {
                JsonViews.add(accuracy, s.accuracy());
            }
        }
        ObjectNode sharpness = racer.putObject("sharpness");
        ArrayNode at = sharpness.putArray("step");
        ArrayNode value = sharpness.putArray("value");
        ArrayNode checkRate = sharpness.putArray("lr");
        for (TrainStep s : checks) {
            at.add(s.step());
            JsonViews.add(value, s.sharpness());
            JsonViews.add(checkRate, s.lr());
        }
    }

    /** Every k-th of {@code rows} and the last, so at most about {@code points} of them. */
    private static List<TrainStep> thin(List<TrainStep> rows, int points) {
        if (rows.size() <= points + 1) {
            return List.copyOf(rows);
        }
        int k = (rows.size() + points - 1) / points;
        List<TrainStep> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += k) {
            out.add(rows.get(i));
        }
        if (out.getLast() != rows.getLast()) {
            out.add(rows.getLast());
        }
        return out;
    }
}
