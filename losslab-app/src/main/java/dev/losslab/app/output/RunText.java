package dev.losslab.app.output;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Trajectory;
import java.io.PrintWriter;
import java.util.Locale;

/** A run for a person at a terminal: a sampled table of the path, then a one-line summary. */
public final class RunText {

    /** At most this many rows of the path are shown; the summary always follows. */
    static final int MAX_ROWS = 12;

    private RunText() {}

    /** ", minibatches of 16 (seed 1)", ", noise 0.5 (seed 1)", both, or nothing for exact gradients. */
    static String noiseText(RunSpec spec) {
        if (!spec.noisy()) {
            return "";
        }
        return (spec.minibatched() ? ", minibatches of " + spec.batchSize() : "")
                + (spec.noise() > 0 ? ", noise " + Numbers.brief(spec.noise()) : "") + " (seed " + spec.seed() + ")";
    }

    public static void write(Run run, PrintWriter out) {
        out.printf(Locale.ROOT, "%s on %s from %s, lr %s%s%n",
                run.spec().optimizerName(), run.spec().landscape().name(),
                Numbers.point(run.spec().start().x(), run.spec().start().y()),
                Numbers.brief(run.spec().learningRate()),
                noiseText(run.spec()));
        out.printf(Locale.ROOT, "%8s  %13s  %13s  %13s  %11s%n", "step", "x", "y", "loss", "|grad|");
        Trajectory t = run.trajectory();
        int n = t.size();
        int stride = Math.max(1, (int) Math.ceil((n - 1) / (double) (MAX_ROWS - 1)));
        for (int i = 0; i < n; i += stride) {
            row(t.point(i), out);
        }
        if ((n - 1) % stride != 0) {
            row(t.last(), out);
        }
        out.println(summary(run));
    }

    /** "converged after 137 steps at (3, 2), loss 1.2e-17; reached minimum 1 (3, 2)": how it ended and where ({@link EndText}). */
    public static String summary(Run run) {
        Trajectory.Point last = run.last();
        return String.format(Locale.ROOT, "%s after %d step%s at %s, loss %s; %s",
                run.stopReason().code(), run.steps(), run.steps() == 1 ? "" : "s", Numbers.point(last.x(), last.y()),
                Numbers.brief(last.loss()), EndText.of(run));
    }

    private static void row(Trajectory.Point p, PrintWriter out) {
        out.printf(Locale.ROOT, "%8d  %13s  %13s  %13s  %11s%n", p.step(), Numbers.brief(p.x()),
                Numbers.brief(p.y()), Numbers.brief(p.loss()), Numbers.brief(Math.hypot(p.gradientX(), p.gradientY())));
    }
}
