package dev.losslab.app.output;

import dev.losslab.core.maps.FairTuning;
import dev.losslab.core.maps.TuningScore;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.Trajectory;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs as CSV: one row per point from step 0, numbers printed so they read back to the same
 * double. {@code run}'s columns start {@code step,x,y,loss}; {@code race} puts the optimizer first.
 * {@code f_evals} and {@code g_evals} are the evaluations of f and ∇f the run has cost up to the
 * row, as SciPy counts them (see {@link dev.losslab.core.run.Engine}).
 *
 * <p>A tuned race ({@code race --tune}) repeats each racer's tuning on every one of its rows, in
 * {@link #TUNING_COLUMNS}, so the table stays one table: the chosen lr and momentum (μ or β₁; empty
 * without one), the settings tried and the runs in all, then over the chosen settings' runs the
 * runs, diverged and converged counts and the median, min and max of the steps taken and of the
 * final loss (Infinity where a run diverged).
 */
public final class RunCsv {

    public static final String COLUMNS = "step,x,y,loss,grad_x,grad_y,lr,f_evals,g_evals";
    public static final String TUNING_COLUMNS = "tuned_lr,tuned_momentum,tuned_settings_tried,tuned_runs,"
            + "tuned_trials,tuned_diverged,tuned_converged,tuned_steps_median,tuned_steps_min,tuned_steps_max,"
            + "tuned_loss_median,tuned_loss_min,tuned_loss_max";

    private RunCsv() {}

    public static void write(Run run, PrintWriter out) {
        out.println(COLUMNS);
        rows(run, null, out);
    }

    /** Several runs in one table, told apart by their first column ({@link RacerLabels}). */
    public static void writeRace(List<Run> runs, PrintWriter out) {
        writeRace(runs, List.of(), out);
    }

    /** A race, tuned when {@code tunings} (one per run) is not empty. */
    public static void writeRace(List<Run> runs, List<FairTuning.Tuned> tunings, PrintWriter out) {
        out.println("optimizer," + COLUMNS + (tunings.isEmpty() ? "" : "," + TUNING_COLUMNS));
        // An optimizer racing twice is "gd" then "gd:2" (RacerLabels): its rows stay told apart.
        List<String> labels = RacerLabels.of(runs);
        for (int k = 0; k < runs.size(); k++) {
            rows(runs.get(k), labels.get(k), tunings.isEmpty() ? "" : "," + tuning(tunings.get(k)), out);
        }
    }

    private static String tuning(FairTuning.Tuned t) {
        TuningScore s = t.score();
        return String.join(",", Numbers.exact(t.learningRate()),
                t.momentum().isPresent() ? Numbers.exact(t.momentum().getAsDouble()) : "",
                Integer.toString(t.grid().size()), Long.toString(t.runs()), Integer.toString(s.runs()),
                Integer.toString(s.diverged()), Integer.toString(s.converged()),
                Integer.toString(s.medianSteps()), Integer.toString(s.minSteps()), Integer.toString(s.maxSteps()),
                Numbers.exact(s.medianLoss()), Numbers.exact(s.minLoss()), Numbers.exact(s.maxLoss()));
    }

    private static void rows(Run run, String label, PrintWriter out) {
        rows(run, label, "", out);
    }

    private static void rows(Run run, String label, String suffix, PrintWriter out) {
        Trajectory t = run.trajectory();
        StringBuilder row = new StringBuilder(128);
        for (int i = 0; i < t.size(); i++) {
            Trajectory.Point p = t.point(i);
            row.setLength(0);
            if (label != null) {
                row.append(label).append(',');
            }
            row.append(p.step()).append(',')
                    .append(Numbers.exact(p.x())).append(',')
                    .append(Numbers.exact(p.y())).append(',')
                    .append(Numbers.exact(p.loss())).append(',')
                    .append(Numbers.exact(p.gradientX())).append(',')
                    .append(Numbers.exact(p.gradientY())).append(',')
                    .append(Numbers.exact(p.lr())).append(',')
                    .append(p.functionEvaluations()).append(',')
                    .append(p.gradientEvaluations())
                    .append(suffix);
            out.println(row);
        }
    }
}
