package dev.losslab.app.output;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.Trajectory;
import java.io.PrintWriter;

/**
 * Runs as CSV: one row per point from step 0, numbers printed so they read back to the same
 * double. {@code run}'s columns start {@code step,x,y,loss}; {@code race} puts the optimizer first.
 * {@code f_evals} and {@code g_evals} are the evaluations of f and ∇f the run has cost up to the
 * row, as SciPy counts them (see {@link dev.losslab.core.run.Engine}).
 */
public final class RunCsv {

    public static final String COLUMNS = "step,x,y,loss,grad_x,grad_y,lr,f_evals,g_evals";

    private RunCsv() {}

    public static void write(Run run, PrintWriter out) {
        out.println(COLUMNS);
        rows(run, null, out);
    }

    /** Several runs in one table, told apart by their first column. */
    public static void writeRace(Iterable<Run> runs, PrintWriter out) {
        out.println("optimizer," + COLUMNS);
        for (Run run : runs) {
            rows(run, run.spec().optimizerName(), out);
        }
    }

    private static void rows(Run run, String label, PrintWriter out) {
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
                    .append(p.gradientEvaluations());
            out.println(row);
        }
    }
}
