package dev.losslab.app.plot;

import java.awt.Color;
import java.util.Map;

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
    /** Contours over the dark-to-light colour map: light lines, as on the web page. */
    static final Color CONTOUR_ON_MAP = new Color(255, 255, 255, 110);
    static final Color MARKER = Color.WHITE;

    /** Viridis at 0, 0.125, …, 1: a perceptually even ramp from dark blue to yellow. */
    private static final int[] RAMP = {0x440154, 0x46327e, 0x365c8d, 0x277f8e, 0x1fa187, 0x4ac16d, 0xa0da39, 0xfde725};

    /**
     * One colour per optimizer, the same as the web page's (web/js/racerColors.js; a test keeps the
     * two equal): Okabe & Ito's palette, with the Newton methods in black and grey.
     */
    static final Map<String, Color> OPTIMIZERS = Map.of(
            "gd", new Color(0xE69F00),
            "sgd", new Color(0xD55E00),
            "momentum", new Color(0x56B4E9),
            "nesterov", new Color(0x0072B2),
            "rmsprop", new Color(0x009E73),
            "adagrad", new Color(0xF0E442),
            "adam", new Color(0xCC79A7),
            "adamw", new Color(0x882255),
            "newton", new Color(0x000000),
            "saddle-free-newton", new Color(0x8C8C8C));

    private Palette() {}

    static Color optimizer(String name, int index) {
        return OPTIMIZERS.getOrDefault(name, category(index));
    }

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
