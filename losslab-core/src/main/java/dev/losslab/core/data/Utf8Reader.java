package dev.losslab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text from bytes that refuses bytes which are not UTF-8 (with a
 * {@link java.nio.charset.CharacterCodingException}) only after every character before them has
 * been read, so that a CSV error can name the line they are on. The JDK's readers decode ahead and
 * throw as soon as bad bytes enter their buffer, thousands of characters early.
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
    private boolean ended;
    private boolean done;
    private CoderResult problem;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (problem != null) {
            problem.throwException();
        }
        if (length == 0 || done) {
            return length == 0 ? 0 : -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, ended);
            if (result.isError()) {
                problem = result;
                break;
            }
            if (result.isUnderflow()) {
                if (ended) {
                    decoder.flush(out);
                    done = true;
                    break;
                }
                refill();
            }
        }
        int read = out.position() - offset;
        if (read == 0 && problem != null) {
            problem.throwException();
        }
        return read == 0 ? -1 : read;
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            ended = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
