package dev.losslab.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where a command's results go: a {@link PrintWriter} whose failed writes are not swallowed.
 *
 * <p>Why: a {@code PrintWriter} catches every {@link IOException} and only sets a flag, so output
 * sent to a full disk or a closed pipe vanished and the command exited 0, or went on computing a
 * million-step run for a {@code head -1} that had already quit. Here the writer underneath turns the
 * first failure into an {@link OutputFailedException}, which {@code PrintWriter} does not catch.
 */
final class CheckedOutput {

    private CheckedOutput() {}

    /** A buffered UTF-8 writer over {@code stream} that throws {@link OutputFailedException} on the first failed write. */
    static PrintWriter over(OutputStream stream) {
        Writer checked = new Writer() {
            private final Writer target = new OutputStreamWriter(stream, StandardCharsets.UTF_8);

            @Override
            public void write(char[] chars, int offset, int length) {
                try {
                    target.write(chars, offset, length);
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }

            @Override
            public void flush() {
                try {
                    target.flush();
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }

            @Override
            public void close() {
                try {
                    target.close();
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }
        };
        return new PrintWriter(checked, false);
    }
}
