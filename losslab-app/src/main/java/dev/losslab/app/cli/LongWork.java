package dev.losslab.app.cli;

import dev.losslab.core.maps.Job;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The terminal side of long work: a {@link Job} with a progress bar on stderr, and Ctrl-C that
 * cancels the work instead of killing it mid-write.
 *
 * <p>The bar is drawn only when stderr is a terminal: the launcher says so through the system
 * property {@code losslab.stderr.tty} (it tests {@code [ -t 2 ]}); without it, a console on stdin
 * and stdout stands in. Pipes, files and tests see nothing. It appears after {@value #QUIET_MILLIS} ms,
 * so quick work never flickers, and redraws at most every {@value #REDRAW_MILLIS} ms.
 *
 * <p>Ctrl-C makes the JVM exit; a shutdown hook first cancels the job and waits (up to 2 s) for the
 * command to stop and clear its bar, so nothing half-written reaches stdout. Commands catch the
 * resulting {@link java.util.concurrent.CancellationException} and return {@link #CANCELLED}.
 */
final class LongWork implements AutoCloseable {

    /** Exit code after Ctrl-C, as shells report a SIGINT: 128 + 2. */
    static final int CANCELLED = 130;

    private static final long QUIET_MILLIS = 300;
    private static final long REDRAW_MILLIS = 100;
    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final boolean drawing;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final Job job;
    private long lastDrawNanos;
    private boolean drawn;

    private LongWork(PrintWriter err, String label) {
        this.err = err;
        this.drawing = stderrIsTerminal();
        this.job = drawing ? Job.reporting(fraction -> draw(label, fraction)) : Job.untracked();
        this.hook = new Thread(this::interrupted, "losslab-cancel");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            job.cancel();
        }
    }

    /** Starts tracking work described by {@code label} ("basins", "sweep", …). */
    static LongWork start(PrintWriter err, String label) {
        return new LongWork(err, label);
    }

    Job job() {
        return job;
    }

    static boolean stderrIsTerminal() {
        String told = System.getProperty("losslab.stderr.tty");
        if (told != null) {
            return told.equals("true");
        }
        var console = System.console();
        return console != null && console.isTerminal();
    }

    private synchronized void draw(String label, double fraction) {
        long now = System.nanoTime();
        if (now - startNanos < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)
                || (now - lastDrawNanos < TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS) && fraction < 1)) {
            return;
        }
        lastDrawNanos = now;
        int filled = (int) Math.round(fraction * WIDTH);
        err.printf(Locale.ROOT, "\r%s [%s%s] %3d%%", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(fraction * 100));
        err.flush();
        drawn = true;
    }

    private synchronized void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** The shutdown hook: Ctrl-C (or a kill) while the work runs. */
    private void interrupted() {
        job.cancel();
        try {
            finished.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        clear();
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived: the hook is running and waits for this close.
        }
    }
}
