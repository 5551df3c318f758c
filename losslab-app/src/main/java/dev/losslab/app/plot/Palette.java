package dev.losslab.app.plot;

import java.awt.Color;

/** The colours of LossLab's plots, in one place. */
final class Palette {

    /** Basin colours, one per known minimum (Tableau 10, which stays distinguishable for most colour vision). */
    private static final Color[] CATEGORIES = {
            new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f), new Color(0xe15759), new Color(0xb07aa1),
            new Color(0x76b7b2), new Color(0xedc948), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac)};

    static final Color DIVERGED = new Color(0x2f2f2f);
    static final Color UNCONVERGED = new Color(0xd4d4d4);
    static final Color INK = new Color(0x222222);
    static final Color FAINT_INK = new Color(0x666666);
    static final Color CONTOUR = new Color(0, 0, 0, 95);
    static final Color MARKER = Color.WHITE;

    /** Viridis at 0, 0.25, 0.5, 0.75, 1: a perceptually even ramp from dark blue to yellow. */
    private static final int[] RAMP = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    private Palette() {}

    static Color category(int index) {
        return CATEGORIES[index % CATEGORIES.length];
    }

    /** The ramp's colour at t in [0, 1] (clamped), interpolated between its five stops. */
    static Color ramp(double t) {
        double p = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int k = Math.min((int) p, RAMP.length - 2);
        double f = p - k;
        int a = RAMP[k];
        int b = RAMP[k + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}
