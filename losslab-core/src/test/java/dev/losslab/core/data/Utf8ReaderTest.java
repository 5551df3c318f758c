package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8ReaderTest {

    /** Two-, three- and four-byte characters, split every way across the 8 KiB byte buffer. */
    @Test
    void decodesAsTheJdkDoes() throws IOException {
        String text = "x,é,€,😀\n".repeat(5_000);
        assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), 7)).isEqualTo(text);
        assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), 8192)).isEqualTo(text);
        assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(new byte[0])), 10)).isEmpty();
    }

    /** Every character before bad bytes is read first; only then does reading fail. */
    @Test
    void failsOnlyWhenTheBadBytesAreReached() throws IOException {
        byte[] good = "a".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(good, new byte[] {(byte) 0xFF, 'b'});
        Reader in = new Utf8Reader(new ByteArrayInputStream(bytes));
        char[] buffer = new char[1000];
        int read = 0;
        for (int n; read < 20_000 && (n = in.read(buffer)) > 0; ) {
            read += n;
        }
        assertThat(read).isEqualTo(20_000);
        assertThatThrownBy(() -> in.read(buffer)).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> in.read(buffer)).as("and again").isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void aCharacterCutShortAtTheEndIsBadText() {
        byte[] bytes = "x,é".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(cut)), 100))
                .isInstanceOf(CharacterCodingException.class);
    }

    /** So the CSV error names the line of the bad bytes, however far into the file. */
    @Test
    void aCsvErrorNamesTheLineOfTheBadBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.csv");
        String rows = "x,label\n" + "1,café\n".repeat(10_000);
        Files.write(file, concat(rows.getBytes(StandardCharsets.UTF_8), "2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(DatasetCsvTest.messageOf(() -> DatasetCsv.read(file)))
                .isEqualTo(file + ", line 10002: the text is not UTF-8 (save the file as UTF-8)");
    }

    private static String readAll(Reader in, int chunk) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[chunk];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
