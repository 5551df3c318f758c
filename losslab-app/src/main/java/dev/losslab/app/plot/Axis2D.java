package dev.losslab.app.plot;

import dev.losslab.app.output.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a plot: a world range mapped onto a pixel range, linearly or in log10, with round
 * tick values. Ticks: linear, multiples of a 1–2–2.5–5 step giving 4 to 8 ticks; log, the powers of
 * ten inside the range, with 2× and 5× added when it spans fewer than three decades.
 */
record Axis2D(double lo, double hi, boolean log, double pixelLo, double pixelHi) {

    /** The pixel of a world value. */
    double pixel(double v) {
        double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return pixelLo + t * (pixelHi - pixelLo);
    }

    /** Round values within [lo, hi]. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            int from = (int) Math.floor(Math.log10(lo));
            int to = (int) Math.ceil(Math.log10(hi));
            double[] multiples = to - from < 3 ? new double[] {1, 2, 5} : new double[] {1};
            for (int e = from; e <= to; e++) {
                for (double m : multiples) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        ticks.add(v);
                    }
                }
            }
            return ticks;
        }
        double raw = (hi - lo) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * 0.75) {
                step = m * power;
                break;
            }
        }
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    static String label(double v) {
        return Numbers.brief(v);
    }
}
