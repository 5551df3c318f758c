package dev.losslab.app.web.http;

import static dev.losslab.app.web.ApiAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.web.ApiAssertions;
import dev.losslab.app.web.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page and its assets from the classpath (the test root is src/test/resources/webtest/). */
class StaticFilesTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "/                              | text/html; charset=utf-8       | test page",
            "/?surface=bowl&optimizers=gd   | text/html; charset=utf-8       | test page",
            "/index.html                    | text/html; charset=utf-8       | test page",
            "/static/app.js                 | text/javascript; charset=utf-8 | export const answer = 42;",
            "/static/style.css              | text/css; charset=utf-8        | body { margin: 0; }",
            "/static/img/dot.svg            | image/svg+xml                  | <svg",
            "/static/sub.d/inner.css        | text/css; charset=utf-8        | inside a folder",
            // three.js from its webjar: the ES module build and the core it imports
            "/static/vendor/three/build/three.module.js | text/javascript; charset=utf-8 | ./three.core.js",
            "/static/vendor/three/build/three.core.js   | text/javascript; charset=utf-8 | const REVISION ="})
    void servesFilesWithTheirContentType(String path, String contentType, String content) {
        HttpResponse<String> response = lab.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.body()).contains(content);
        assertSecurityHeaders(response);
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() {
        var response = lab.send(HttpRequest.newBuilder(lab.uri("/static/app.js")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/", "/static/img", "/static/img/", "/static/sub.d", "/static/notes.txt",
            "/static/.hidden.js", "/static//app.js", "/webtest/app.js", "/app.js", "/static/app.js/"})
    void foldersUnknownTypesAndOddNamesAre404s(String path) {
        ApiAssertions.assertError(lab.get(path), 404, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../webtest-secret.css", "/static/%2e%2e/webtest-secret.css", "/static/%2E%2E/%2E%2E/pom.xml",
            "/static/img/../../webtest-secret.css", "/static/./app.js", "/../webtest-secret.css", "/static/..%2fwebtest-secret.css",
            "/static/..%5cwebtest-secret.css", "/static/app.js%00.css"})
    void pathsThatClimbOutAreRejected(String path) {
        HttpResponse<String> response = lab.get(path);
        assertThat(response.statusCode()).as(path).isIn(400, 404);
        assertThat(response.body()).doesNotContain("must never be served");
        assertSecurityHeaders(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/vendor/three/../../../../../webtest-secret.css",
            "/static/vendor/three/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/webtest-secret.css",
            "/static/vendor/three/build/..%2f..%2f..%2f..%2f..%2f..%2fwebtest-secret.css",
            "/static/vendor/three/build%2f..%2f..%2f..%2f..%2f..%2f..%2fwebtest-secret.css",
            "/static/vendor/three/..%5c..%5c..%5c..%5c..%5cwebtest-secret.css",
            "/static/vendor/%2e%2e/%2e%2e/webtest-secret.css"})
    void vendorPathsCannotClimbOutOfTheWebjar(String path) {
        HttpResponse<String> response = lab.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).doesNotContain("must never be served");
        assertSecurityHeaders(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/vendor/three/", "/static/vendor/three/build", "/static/vendor/three/build/",
            "/static/vendor/three/build/three.cjs", "/static/vendor/three/build/.three.module.js",
            "/static/vendor/three/0.181.1/build/three.module.js", "/static/vendor/nothing/three.module.js"})
    void vendorFoldersOddNamesAndUnknownLibrariesAre404s(String path) {
        ApiAssertions.assertError(lab.get(path), 404, null, null);
    }

    @Test
    void theRealJarServesItsOwnPageFolder() {
        // The production root is web/ on the app's classpath; without a page built in, / says so plainly.
        var files = new StaticFiles("web/", StaticFilesTest.class.getClassLoader());
        try {
            var reply = files.serve("GET", "/");
            assertThat(reply).isInstanceOf(Reply.Bytes.class);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("the lab page (web/index.html) is not in this jar");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
