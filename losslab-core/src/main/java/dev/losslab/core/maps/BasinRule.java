package dev.losslab.core.maps;

import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import java.util.List;

/**
 * Which basin a finished run belongs to: {@link BasinMap#DIVERGED} when it diverged; otherwise the
 * nearest known minimum within {@link Basins#REACH_FRACTION} of the landscape window's span of its
 * last point (whatever else stopped it: converged, out of steps, …); otherwise
 * {@link BasinMap#UNCONVERGED}.
 */
final class BasinRule {

    private final double[] minX;
    private final double[] minY;
    private final double reach;
    /** reach² widened by a rounding margin: a squared distance above it is out of reach for sure. */
    private final double surelyOutSquared;

    BasinRule(Landscape landscape) {
        List<Minimum> minima = landscape.knownMinima();
        if (minima.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most 127 known minima, got " + minima.size());
        }
        minX = minima.stream().mapToDouble(m -> m.at().x()).toArray();
        minY = minima.stream().mapToDouble(m -> m.at().y()).toArray();
        reach = Basins.REACH_FRACTION * landscape.window().span();
        // Below 1e-150 the square could underflow and wrongly rule a minimum out: always use hypot.
        surelyOutSquared = reach >= 1e-150 ? reach * reach * (1 + 1e-12) : Double.POSITIVE_INFINITY;
    }

    byte label(Outcome outcome) {
        return label(outcome.stop(), outcome.x(), outcome.y());
    }

    byte label(StopReason stop, double x, double y) {
        return stop instanceof StopReason.Diverged ? BasinMap.DIVERGED : at(x, y);
    }

    /** The basin of a run that did not diverge and ended at (x, y). */
    byte at(double x, double y) {
        byte best = BasinMap.UNCONVERGED;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int m = 0; m < minX.length; m++) {
            double dx = x - minX[m];
            double dy = y - minY[m];
            // The square rules out far minima cheaply; hypot decides the near ones exactly as before.
            if (dx * dx + dy * dy > surelyOutSquared) {
                continue;
            }
            double d = Math.hypot(dx, dy);
            if (d <= reach && d < bestDistance) {
                best = (byte) m;
                bestDistance = d;
            }
        }
        return best;
    }
}
