package dev.losslab.app.web.jobs;

import dev.losslab.app.output.Numbers;

/**
 * The bounds on background work ({@code /api/jobs}), so jobs cannot pile up: each one already uses
 * every core, so only a few run at once; finished ones are kept only until their page has read them.
 *
 * @param maxRunning most jobs computing at once; another is refused (429) until one ends
 * @param maxKept    most finished jobs kept for reading; the oldest go first
 * @param maxMillis  how long one job may compute before it is cancelled (and reported so)
 * @param keepMillis how long a finished job is kept after it ended
 */
public record JobLimits(int maxRunning, int maxKept, long maxMillis, long keepMillis) {

    public static final JobLimits DEFAULT = new JobLimits(2, 16, 60_000, 300_000);

    /** "60 s", "0.2 s": a duration as the API's messages say it. */
    static String seconds(long millis) {
        return Numbers.brief(millis / 1000.0) + " s";
    }

    public JobLimits {
        if (maxRunning < 1 || maxKept < 1 || maxMillis < 1 || keepMillis < 1) {
            throw new IllegalArgumentException("job limits must be positive: " + maxRunning + ", " + maxKept + ", "
                    + maxMillis + ", " + keepMillis);
        }
    }
}
