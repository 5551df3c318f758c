package dev.losslab.app.output;

import dev.losslab.core.analysis.CurvatureKind;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Vec2;

/**
 * Where a run ended ({@link EndPoint}), in the words the CLI prints and the page shows:
 * "reached minimum 1 (3, 2)", "hovering around minimum 1 (0, 0)", "converged to a saddle at (0, 0),
 * not a minimum". Never "did not converge" for a run that settled at a local minimum the surface
 * does not list, and never a success for a saddle or a maximum.
 */
public final class EndText {

    private EndText() {}

    /** Where {@code run} ended. */
    public static String of(Run run) {
        String text = of(run.endPoint(), run.spec().noisy(), !run.spec().landscape().knownMinima().isEmpty());
        return run.endPoint() instanceof EndPoint.Unsettled && run.stopReason() instanceof StopReason.Converged
                ? FADED : text;
    }

    /** A convergence test stopped it where the slope had only faded: no critical point near. */
    static final String FADED = "the slope fell below the tolerance, but no minimum or other critical point is near: "
            + "the loss keeps falling beyond";

    /**
     * @param noisy   whether the run's gradient was noisy: near a minimum it then hovers, as noise
     *                keeps it moving, rather than having stopped short of it
     * @param hasList whether the surface lists its minima (a typed formula does not): only then is a
     *                minimum outside the list worth a word
     */
    public static String of(EndPoint end, boolean noisy, boolean hasList) {
        return switch (end) {
            case EndPoint.AtMinimum m -> "reached " + minimum(m.number(), m.minimum()) + unlisted(m.listed() || !hasList);
            case EndPoint.NearMinimum m -> (noisy ? "hovering around " : "near ") + minimum(m.number(), m.minimum())
                    + unlisted(m.listed() || !hasList) + (noisy ? "" : ", not converged");
            case EndPoint.AtCriticalPoint p -> (p.converged() ? "converged to " : "stopped near ") + place(p.kind(), p.at());
            case EndPoint.Diverged d -> "no end point: the steps grew without bound";
            case EndPoint.Unsettled u -> "still on its way: no minimum or other critical point near";
        };
    }

    private static String minimum(int number, Minimum m) {
        return "minimum " + number + " " + Numbers.point(m.at().x(), m.at().y());
    }

    private static String unlisted(boolean listed) {
        return listed ? "" : ", a local minimum the surface does not list";
    }

    private static String place(CurvatureKind kind, Vec2 at) {
        String where = Numbers.point(at.x(), at.y());
        return switch (kind) {
            case SADDLE -> "a saddle at " + where + ", not a minimum";
            case MAXIMUM -> "a maximum at " + where + ", not a minimum";
            case DEGENERATE -> "a degenerate critical point at " + where + " (flat to second order: not a proven minimum)";
            case MINIMUM -> "a local minimum at " + where + ", outside the surface's window";
        };
    }
}
