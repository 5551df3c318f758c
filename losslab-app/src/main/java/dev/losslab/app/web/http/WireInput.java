package dev.losslab.app.web.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.function.Supplier;

/**
 * What a client sends on one connection, read in blocks and handed out as the lines of a request head
 * and the bytes of a body, never more than asked for: each line has a byte budget, so a client
 * cannot make the server hold more than one block and one bounded line.
 *
 * <p>Lines end in CRLF and in nothing else (RFC 9112 §2.2): the RFC lets a recipient also take a bare
 * LF, but a server and a proxy in front of it that split lines differently disagree on where one
 * request ends (request smuggling), and no client worth serving sends one. A bare CR is refused as
 * the RFC asks.
 */
final class WireInput {

    /** Bytes read from the socket at once; the head parser asks for one at a time. */
    private static final int BLOCK = 16 * 1024;

    private final ReadableByteChannel channel;
    /** Bytes read but not yet handed out, between position and limit. */
    private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK).flip();

    /** @param channel a channel in blocking mode */
    WireInput(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /** Whether bytes past the last request are already here (a pipelined next request). */
    boolean hasBuffered() {
        return buffer.hasRemaining();
    }

    /**
     * The next line, without its CRLF, one char per byte (ISO-8859-1, as RFC 9110 §5.5 reads field
     * values); null when the input ends before the line's first byte.
     *
     * @param maxBytes most bytes the line may have, its CRLF counted
     * @param where    what is being read, for messages ("the request head")
     * @param tooLong  the answer when the line is longer than {@code maxBytes}
     * @throws ApiException 400 for a bare LF or CR, or input that ends mid-line; {@code tooLong}
     */
    String readLine(int maxBytes, String where, Supplier<ApiException> tooLong) throws IOException {
        var line = new StringBuilder(64);
        int count = 0;
        boolean afterCr = false;
        while (true) {
            if (!buffer.hasRemaining() && !fill()) {
                if (count == 0) {
                    return null;
                }
                throw ApiException.badRequest(null, "the input ended in the middle of a line of " + where);
            }
            int b = buffer.get() & 0xff;
            if (++count > maxBytes) {
                throw tooLong.get();
            }
            if (afterCr) {
                if (b == '\n') {
                    return line.toString();
                }
                throw ApiException.badRequest(null, "a line of " + where + " has a CR that is not followed by LF");
            }
            if (b == '\r') {
                afterCr = true;
            } else if (b == '\n') {
                throw ApiException.badRequest(null, "a line of " + where + " ends in LF without CR; HTTP/1.1 lines end in CRLF");
            } else {
                line.append((char) b);
            }
        }
    }

    /** Reads {@code into} full unless the input ends first; returns how many bytes came. */
    int readFully(byte[] into) throws IOException {
        int n = 0;
        while (n < into.length) {
            if (!buffer.hasRemaining() && !fill()) {
                break;
            }
            int take = Math.min(buffer.remaining(), into.length - n);
            buffer.get(into, n, take);
            n += take;
        }
        return n;
    }

    /** Reads up to {@code max} bytes and forgets them; returns how many came before the input ended. */
    long skip(long max) throws IOException {
        long skipped = 0;
        while (skipped < max && (buffer.hasRemaining() || fill())) {
            int take = (int) Math.min(buffer.remaining(), max - skipped);
            buffer.position(buffer.position() + take);
            skipped += take;
        }
        return skipped;
    }

    /** Reads the next block once the buffer is used up; false at the end of the input. */
    private boolean fill() throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        buffer.flip();
        return n > 0;
    }
}
