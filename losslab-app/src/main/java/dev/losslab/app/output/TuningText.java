package dev.losslab.app.output;

import dev.losslab.core.maps.FairTuning;
import dev.losslab.core.maps.TuningScore;
import dev.losslab.core.maps.TuningTrials;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A race's tuning for a person ({@code race --tune … --format text}): each racer's chosen settings,
 * and a table of how the chosen settings did over their trials.
 */
public final class TuningText {

    private TuningText() {}

    /**
     * "lr 0.264204, μ 0.5", with a "*" when the defaults were kept and a "†" when the lr is at an end
     * of its grid.
     */
    public static String settings(FairTuning.Tuned tuned) {
        String momentum = tuned.grid().parameter()
                .map(p -> ", " + p.symbol() + " " + Numbers.brief(tuned.momentum().orElseThrow()))
                .orElse("");
        return "lr " + Numbers.brief(tuned.learningRate()) + (tuned.learningRateAtGridEnd() ? "†" : "") + momentum
                + (tuned.found() ? "" : "*");
    }

    /**
     * What every racer was given, how the best was chosen, then one row per racer: its runs in all,
     * and over the chosen settings' runs the diverged and converged counts, and the median and range
     * of the steps taken and of the final loss.
     */
    public static void write(List<FairTuning.Tuned> tunings, PrintWriter out) {
        FairTuning.Tuned first = tunings.getFirst();
        TuningTrials trials = first.trials();
        out.printf(Locale.ROOT, "tuned (--tune %s): %d settings per racer, each run from %d starts (the race's and %d at %s "
                        + "beside it)%s%n", first.scope().label(), first.grid().size(), trials.starts().size(),
                trials.starts().size() - 1, Numbers.brief(trials.starts().get(1).distanceTo(trials.starts().getFirst())),
                tunings.stream().anyMatch(t -> t.trials().seeds().size() > 1)
                        ? ", " + TuningTrials.NOISY_SEEDS + " seeds each under gradient noise" : "");
        out.println("best: fewest diverged runs, then median steps to converge at a known minimum, then median final loss");
        out.printf(Locale.ROOT, "%-20s %6s  %-8s  %-9s  %-24s  %s%n", "optimizer", "runs", "diverged", "converged",
                "steps median [min, max]", "final loss median [min, max]");
        for (FairTuning.Tuned t : tunings) {
            TuningScore s = t.score();
            out.printf(Locale.ROOT, "%-20s %6d  %-8s  %-9s  %-24s  %s%n", t.spec().optimizerName(), t.runs(),
                    s.diverged() + "/" + s.runs(), s.converged() + "/" + s.runs(),
                    s.medianSteps() + " [" + s.minSteps() + ", " + s.maxSteps() + "]",
                    Numbers.brief(s.medianLoss()) + " [" + Numbers.brief(s.minLoss()) + ", " + Numbers.brief(s.maxLoss()) + "]");
        }
        if (tunings.stream().anyMatch(FairTuning.Tuned::learningRateAtGridEnd)) {
            out.println("† the best lr tried is at an end of the grid (1/100 or 10 times the default): a better one may lie beyond");
        }
        if (tunings.stream().anyMatch(t -> !t.found())) {
            out.println("* no setting kept more than half its runs from diverging: raced at the defaults");
        }
    }
}
