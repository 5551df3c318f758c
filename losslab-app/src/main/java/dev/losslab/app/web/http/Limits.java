package dev.losslab.app.web.http;

/**
 * The bounds on what one request may ask of the server, so no request can take it down. The page
 * reads them from {@code GET /api/catalog} ({@code limits}); the API rejects anything beyond them.
 *
 * @param maxSteps         most updates per racer (the core allows more; the web lab needs fewer)
 * @param maxRacers        most racers in one race
 * @param maxGrid          most grid points per side of a landscape
 * @param maxBodyBytes     largest request body (413 beyond)
 * @param maxQueryLength   longest query string, in characters (414 beyond)
 * @param maxConcurrentWork how many requests may compute at once; others wait their turn
 * @param maxComputeMillis  how long one request may compute before it is stopped (503): the
 *                          bound that step and grid limits cannot give for a costly typed formula
 */
public record Limits(int maxSteps, int maxRacers, int maxGrid, int maxBodyBytes, int maxQueryLength, int maxConcurrentWork,
              long maxComputeMillis) {

    public static final Limits DEFAULT = new Limits(100_000, 8, 400, 64 * 1024, 16 * 1024,
            Math.max(2, Runtime.getRuntime().availableProcessors()), 10_000);

    public Limits {
        if (maxSteps < 0 || maxRacers < 1 || maxGrid < 2 || maxBodyBytes < 1 || maxQueryLength < 1 || maxConcurrentWork < 1
                || maxComputeMillis < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxSteps + ", " + maxRacers + ", "
                    + maxGrid + ", " + maxBodyBytes + ", " + maxQueryLength + ", " + maxConcurrentWork + ", " + maxComputeMillis);
        }
    }
}
