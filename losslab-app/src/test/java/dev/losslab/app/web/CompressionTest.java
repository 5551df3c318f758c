package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers are gzip-compressed when the client accepts it, and decompress to exactly what a client
 * without gzip gets; small answers go as they are.
 */
class CompressionTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static final String RACE = """
            {"surface": "himmelblau", "steps": 400, "tol": 0, "racers": [{"optimizer": "gd"}, {"optimizer": "adam"}]}""";

    @Test
    void aStreamedRaceIsGzippedAndDecompressesToThePlainAnswer() {
        String plain = lab.post("/api/race", RACE).body();
        HttpResponse<byte[]> zipped = bytes(HttpRequest.newBuilder(lab.uri("/api/race"))
                .header("Content-Type", "application/json").header("Accept-Encoding", "gzip, deflate")
                .POST(HttpRequest.BodyPublishers.ofString(RACE)).build());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gunzip(zipped.body())).isEqualTo(plain);
        assertThat(zipped.body().length).as("compressed size").isLessThan(plain.length() / 4);
    }

    @Test
    void aWholeAnswerIsGzippedOnlyWhenAcceptedAndLargeEnough() {
        HttpResponse<byte[]> catalog = bytes(get("/api/catalog", "gzip"));
        assertThat(catalog.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(catalog.body())).isEqualTo(lab.get("/api/catalog").body());

        assertThat(bytes(get("/api/catalog", "gzip;q=0, identity")).headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(bytes(get("/api/catalog", "br")).headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> small = bytes(get("/api/surface?surface=bowl&grid=2", "gzip"));
        if (small.body().length < 1024) {
            assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        }
        // The security headers stay on compressed answers.
        assertThat(catalog.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** The test server's script is 26 bytes: below the threshold it goes as it is, still varying by encoding. */
    @Test
    void aSmallScriptGoesAsItIs() {
        HttpResponse<byte[]> script = bytes(get("/static/app.js", "gzip"));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(script.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(new String(script.body(), StandardCharsets.UTF_8)).isEqualTo(lab.get("/static/app.js").body());
    }

    private static HttpRequest get(String path, String acceptEncoding) {
        return HttpRequest.newBuilder(lab.uri(path)).header("Accept-Encoding", acceptEncoding).GET().build();
    }

    private static HttpResponse<byte[]> bytes(HttpRequest request) {
        try {
            return lab.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
