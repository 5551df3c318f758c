package dev.losslab.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every subcommand has besides its options: where its results ({@link #out}) and its
 * messages ({@link #err}) go. {@link Main} sets both before {@code call()}, whichever way the
 * command line was read (see {@link PlainCommandLine}).
 */
abstract class Subcommand implements Callable<Integer> {

    PrintWriter out;
    PrintWriter err;

    /** Directs this command's output; returns it. */
    final Subcommand writingTo(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        return this;
    }
}
