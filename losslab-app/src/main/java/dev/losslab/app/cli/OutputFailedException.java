package dev.losslab.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A command's results could not be written: stdout is full, closed, or a pipe whose reader has gone.
 * Thrown from the first write that fails, so the command stops at once instead of computing for a
 * reader that is not there; {@link Main} says {@code error: cannot write output: …} and exits 1.
 */
final class OutputFailedException extends UncheckedIOException {

    OutputFailedException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /** The reason as the system gave it ("Broken pipe", "No space left on device"). */
    String reason() {
        return getCause().getMessage() == null ? getCause().getClass().getSimpleName() : getCause().getMessage();
    }
}
