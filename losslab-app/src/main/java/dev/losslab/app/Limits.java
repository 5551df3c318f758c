package dev.losslab.app;

/**
 * Every bound the app puts on what it is asked, in one place, so that no request can take the server
 * down and no page or command needs its own copy. The web server is started with one {@code Limits}
 * ({@link #DEFAULT}; tests start servers with tighter ones) and hands each group to the code it
 * bounds; {@code GET /api/catalog} answers all of them as {@code limits}, and the page reads them
 * there. The two bounds fixed for the whole process are constants.
 *
 * <p>These sit inside the core's own hard bounds ({@code RunSpec.MAX_STEPS}, {@code Budget},
 * {@code Axis.MAX_COUNT}, {@code SgdStats.MAX_RUNS}, {@code Sweep.MAX_RUNS}), which hold whoever asks:
 * a page waits for its answer, so the web asks for seconds of work where the CLI may ask for minutes.
 *
 * @param requests what one HTTP request may send and compute
 * @param connections how large a request's head may be, and how long a connection may take over
 *                 each part of an exchange (the HTTP server's own bounds)
 * @param race     a race on the lab page ({@code POST /api/race})
 * @param landscape the picture of a surface ({@code GET /api/landscape})
 * @param basins   a basin map ({@code /api/basins}, job kind {@code basins})
 * @param sweep    a hyper-parameter sweep ({@code /api/sweep}, job kind {@code sweep})
 * @param sgdStats SGD statistics ({@code /api/sgd-stats}, job kind {@code sgd-stats})
 * @param tuning   tuning a race's racers (job kind {@code tune})
 * @param jobs     background work ({@code /api/jobs})
 * @param training training networks on the models page (job kind {@code train})
 */
public record Limits(Requests requests, Connections connections, Race race, Landscape landscape, Basins basins, Sweep sweep,
                     SgdStats sgdStats, Tuning tuning, Jobs jobs, Training training) {

    /**
     * Deepest a JSON request body may nest: deeper than any request the API takes, and it stops a body
     * of 30,000 '[' from exhausting the stack. Fixed, because the API's one strict reader is built once.
     */
    public static final int MAX_JSON_NESTING = 16;

    /** Most optimizers {@code losslab race} takes: a terminal shows more racers than the page's legend. */
    public static final int CLI_MAX_RACERS = 12;

    /** The most optimizer steps in all one map may ask for (grid² × steps, runs × steps): a second or two. */
    private static final long MAP_WORK = 50_000_000L;
    /**
     * A race's evaluations: every formula race the step and racer bounds allow (8 × 100,000) fits many
     * times over; on the largest built-in data (1,797 digits) it is about 110,000 full-batch steps in all,
     * a second or so of work.
     */
    private static final long RACE_WORK = 200_000_000L;

    public static final Limits DEFAULT = new Limits(
            new Requests(64 * 1024, 16 * 1024, Math.max(2, Runtime.getRuntime().availableProcessors()), 64, 10_000),
            new Connections(64 * 1024, 20_000, 120_000, 30_000),
            new Race(100_000, 8, 5_000, RACE_WORK),
            new Landscape(400),
            new Basins(200, 5_000, MAP_WORK),
            new Sweep(100, 5_000, MAP_WORK),
            new SgdStats(8, 200, 2_000),
            new Tuning(5_000, MAP_WORK),
            new Jobs(2, 16, 60_000, 300_000),
            new Training(20_000, 4, 2e10));

    /**
     * @param maxBodyBytes      largest request body (413 beyond)
     * @param maxQueryLength    longest query string, in characters (414 beyond)
     * @param maxConcurrentWork how many requests may compute at once; others wait their turn
     * @param maxWaitingPerClient how many computing requests one client (network address) may have
     *                          waiting for their turn (429 beyond); a page has a few at most, a script
     *                          may fire dozens at once
     * @param maxComputeMillis  how long one request may compute before it is stopped (503): the bound
     *                          that step and grid limits cannot give for a costly typed formula
     */
    public record Requests(int maxBodyBytes, int maxQueryLength, int maxConcurrentWork, int maxWaitingPerClient,
                           long maxComputeMillis) {
        public Requests {
            check(maxBodyBytes >= 1 && maxQueryLength >= 1 && maxConcurrentWork >= 1 && maxWaitingPerClient >= 1
                            && maxComputeMillis >= 1,
                    "request limits", maxBodyBytes, maxQueryLength, maxConcurrentWork, maxWaitingPerClient, maxComputeMillis);
        }
    }

    /**
     * What one connection may hold of the server: the bounds that keep a client that sends or reads
     * slowly, or not at all, from keeping a connection (and its memory) for good. A page sends its
     * requests in milliseconds; the largest race (~125 MB) takes a second or two to read locally.
     *
     * @param maxHeadBytes   largest request head, request line and header lines together (414 when the
     *                       request line alone is larger, 431 when the header lines make it so); a
     *                       browser's head is a few kB, more with many cookies for localhost
     * @param requestMillis  how long a client may take to send a request, head and body, from its first
     *                       byte (and a new connection to send that byte); then the connection is closed
     * @param responseMillis how long a client may take to read an answer; then the connection is closed
     * @param idleMillis     how long a kept-alive connection may wait for its next request
     */
    public record Connections(int maxHeadBytes, long requestMillis, long responseMillis, long idleMillis) {
        public Connections {
            check(maxHeadBytes >= 1 && requestMillis >= 1 && responseMillis >= 1 && idleMillis >= 1,
                    "connection limits", maxHeadBytes, requestMillis, responseMillis, idleMillis);
        }
    }

    /**
     * @param maxSteps          most updates per racer (the core allows more; the page needs fewer)
     * @param maxRacers         most racers in one race
     * @param maxInternalsSteps most steps a race may ask internals for: they multiply the points' size
     * @param maxWork           most evaluations in all its racers together, steps × cost per step
     *                          (RunSpec.costPerStep: a surface made of data sums over its examples)
     */
    public record Race(int maxSteps, int maxRacers, int maxInternalsSteps, long maxWork) {
        public Race {
            check(maxSteps >= 1 && maxRacers >= 1 && maxInternalsSteps >= 1 && maxWork >= 1, "race limits", maxSteps,
                    maxRacers, maxInternalsSteps, maxWork);
        }
    }

    /** @param maxGrid most grid points per side of a landscape */
    public record Landscape(int maxGrid) {
        public Landscape {
            check(maxGrid >= 2, "landscape limits", maxGrid);
        }
    }

    /**
     * @param maxGrid  most starts per side
     * @param maxSteps most steps per start
     * @param maxWork  most grid² × steps
     */
    public record Basins(int maxGrid, int maxSteps, long maxWork) {
        public Basins {
            check(maxGrid >= 2 && maxSteps >= 1 && maxWork >= 1, "basin limits", maxGrid, maxSteps, maxWork);
        }
    }

    /**
     * @param maxCount most values per swept parameter
     * @param maxSteps most steps per run
     * @param maxWork  most runs × steps
     */
    public record Sweep(int maxCount, int maxSteps, long maxWork) {
        public Sweep {
            check(maxCount >= 1 && maxSteps >= 1 && maxWork >= 1, "sweep limits", maxCount, maxSteps, maxWork);
        }
    }

    /**
     * @param maxLevels most levels: noise levels σ or batch sizes B
     * @param maxRuns   most runs (seeds) per level
     * @param maxSteps  most steps per run
     */
    public record SgdStats(int maxLevels, int maxRuns, int maxSteps) {
        public SgdStats {
            check(maxLevels >= 1 && maxRuns >= 1 && maxSteps >= 1, "sgd-stats limits", maxLevels, maxRuns, maxSteps);
        }
    }

    /**
     * @param maxSteps most steps per racer
     * @param maxWork  most steps in all the tuning runs together: racers × settings × starts × steps
     */
    public record Tuning(int maxSteps, long maxWork) {
        public Tuning {
            check(maxSteps >= 1 && maxWork >= 1, "tuning limits", maxSteps, maxWork);
        }
    }

    /**
     * Each job already uses every core, so only a few run at once; finished ones are kept only until
     * their page has read them.
     *
     * @param maxRunning most jobs computing at once; another is refused (429) until one ends
     * @param maxKept    most finished jobs kept for reading; the oldest go first
     * @param maxMillis  how long one job may compute before it is cancelled (and reported so)
     * @param keepMillis how long a finished job is kept after it ended
     */
    public record Jobs(int maxRunning, int maxKept, long maxMillis, long keepMillis) {
        public Jobs {
            check(maxRunning >= 1 && maxKept >= 1 && maxMillis >= 1 && keepMillis >= 1,
                    "job limits", maxRunning, maxKept, maxMillis, keepMillis);
        }
    }

    /**
     * A training race on the models page: its racers train side by side, one core each. Every step
     * evaluates the loss on every row (the curve's full-data loss), so rows × parameters × (steps + 1)
     * row·parameter products per racer is the least a run costs (a minibatch and sharpness checks add
     * to it; each racer is held to the core's own {@code Training.MAX_WORK} besides). 2·10¹⁰ of them
     * is a few seconds per racer on a laptop core: the page's default race takes well under a second.
     *
     * @param maxSteps  most updates per racer
     * @param maxRacers most racers
     * @param maxWork   most full-data row·parameter products of all racers together
     */
    public record Training(int maxSteps, int maxRacers, double maxWork) {
        public Training {
            check(maxSteps >= 1 && maxRacers >= 1 && maxWork >= 1, "training limits", maxSteps, maxRacers, (long) maxWork);
        }
    }

    /** Limits are set in code, not typed by a user: a bad one is a bug, said plainly at start-up. */
    private static void check(boolean valid, String what, long... values) {
        if (!valid) {
            throw new IllegalArgumentException(what + " must be at least 1 (a grid at least 2), got "
                    + java.util.Arrays.toString(values));
        }
    }
}
