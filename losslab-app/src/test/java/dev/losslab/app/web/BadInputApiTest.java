package dev.losslab.app.web;

import static dev.losslab.app.web.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.QueryParams;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request against its exact answer: status, message and field; each followed by a
 * good request, so a bad one never takes the server down. Every answer is JSON with the security
 * headers and no stack trace.
 */
class BadInputApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    static final String GD = "\"racers\": [{\"optimizer\": \"gd\"}]";

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/api/surface?surface=rosenbrok", "unknown surface 'rosenbrok': did you mean 'rosenbrock'?", "surface"),
                Arguments.of("/api/landscape", "surface is required", "surface"),
                Arguments.of("/api/landscape?surface=bowl&grid=100000", "grid must be in [2, 400], got 100000", "grid"),
                Arguments.of("/api/landscape?surface=bowl&grid=1", "grid must be in [2, 400], got 1", "grid"),
                Arguments.of("/api/landscape?surface=bowl&grid=abc", "grid must be a whole number, got 'abc'", "grid"),
                Arguments.of("/api/landscape?surface=bowl&grid=99999999999999999999",
                        "grid must be a whole number, got '99999999999999999999'", "grid"),
                Arguments.of("/api/landscape?surface=bowl&gird=5", "unknown parameter 'gird': did you mean 'grid'?", "gird"),
                Arguments.of("/api/landscape?surface=bowl&grid=5&grid=6", "parameter 'grid' is given more than once", "grid"),
                Arguments.of("/api/landscape?surface=bowl&window=1,0,0,1", "window needs finite x0 < x1, got x0=1.0, x1=0.0", "window"),
                Arguments.of("/api/landscape?surface=bowl&window=a,1,0,1",
                        "window: 'a' is not a number; expected x0,x1,y0,y1 (four numbers, e.g. -5,5,-5,5)", "window"),
                Arguments.of("/api/landscape?surface=bowl&window=0,Infinity,0,1",
                        "window: 'Infinity' is not a finite number; expected x0,x1,y0,y1 (four numbers, e.g. -5,5,-5,5)", "window"),
                Arguments.of("/api/landscape?surface=bowl&window=0,1e999,0,1",
                        "window: '1e999' is not a finite number; expected x0,x1,y0,y1 (four numbers, e.g. -5,5,-5,5)", "window"),
                Arguments.of("/api/analyze?surface=saddle&at=0x1p3,1",
                        "at: '0x1p3' is not a number; expected x,y (two numbers, e.g. 0.05,0.05)", "at"),
                Arguments.of("/api/critical-points?surface=bowl&window=0,1", 
                        "window must be x0,x1,y0,y1 (four numbers, e.g. -5,5,-5,5), got '0,1'", "window"),
                Arguments.of("/api/catalog?x=1", "unknown parameter 'x'; this endpoint takes: ", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueryParametersAre400sNamingTheField(String pathAndQuery, String message, String field) {
        HttpResponse<String> response = lab.get(pathAndQuery);
        assertError(response, 400, message, field);
        assertStillServing();
    }

    static Stream<Arguments> badRaces() {
        return Stream.of(
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": 1000000}",
                        "steps must be in [0, 100000], got 1000000", "steps", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": -1}", "steps must be in [0, 100000], got -1", "steps", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": \"ten\"}",
                        "steps must be a whole number, got \"ten\"", "steps", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": 10.5}", "steps must be a whole number, got 10.5", "steps", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": 1e99}", "steps must be a whole number, got 1.0E99", "steps", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"stpes\": 10}", "unknown field 'stpes': did you mean 'steps'?", "stpes", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"tol\": \"small\"}", "tol must be a number, got \"small\"", "tol", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"tol\": -1}", "tol must be >= 0, got -1", "tol", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": 2147483648}",
                        "steps is too large for a whole number: 2147483648 (see docs/API.md for the range it takes)", "steps", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"tol\": 1" + "0".repeat(1500) + "}",
                        "a number in the JSON has more digits than the 1000 allowed", null, null),
                Arguments.of("{\"" + "k".repeat(60_000) + "\": 1}",
                        "a key in the JSON is longer than the 1000 characters allowed", null, null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"start\": [1]}", "start must be [x, y], two numbers; got 1", "start", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"start\": [1, \"2\"]}", "start[1] must be a number, got \"2\"", "start", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"start\": \"1,2\"}", "start must be a list, got \"1,2\"", "start", null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"surface\": \"saddle\"}",
                        "malformed JSON at line 1, column 63: duplicate field 'surface'", null, null),
                Arguments.of("{\"surface\": \"rosenbrok\", " + GD + "}",
                        "unknown surface 'rosenbrok': did you mean 'rosenbrock'?", "surface", null),
                Arguments.of("{" + GD + "}", "surface is required", "surface", null),
                Arguments.of("{\"surface\": 7, " + GD + "}", "surface must be a string, got 7", "surface", null),
                Arguments.of("{\"surface\": \"bowl\"}", "racers must list 1 to 8 racers, got none", "racers", null),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": []}", "racers must list 1 to 8 racers, got 0", "racers", null),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": " + nineRacers() + "}", "racers must list 1 to 8 racers, got 9", "racers", null),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"adma\"}]}",
                        "unknown optimizer 'adma': did you mean 'adam'?", "optimizer", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{}]}", "racers[0].optimizer is required", "optimizer", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"lr\": 1}]}",
                        "unknown field 'lr' in racers[0]; valid: optimizer, params, schedule", "lr", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\"}, {\"optimizer\": \"adam\", \"params\": {\"lr\": -1}}]}",
                        "lr must be > 0, got -1", "lr", 1),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"params\": {\"lr\": \"fast\"}}]}",
                        "racers[0].params.lr must be a number, got \"fast\"", "lr", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"params\": {\"lr\": true}}]}",
                        "racers[0].params.lr must be a number, got true", "lr", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"adam\", \"params\": {\"beta1\": 1}}]}",
                        "beta1 must be in [0, 1), got 1", "beta1", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"adam\", \"params\": {\"amsgrad\": 2}}]}",
                        "amsgrad must be true or false (1 or 0), got 2", "amsgrad", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"adam\", \"params\": {\"amsgrad\": \"yes\"}}]}",
                        "amsgrad must be true or false (1 or 0), got 'yes'", "amsgrad", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"rprop\", \"params\": {\"etas\": [0.5]}}]}",
                        "etas takes 2 numbers, got 1 (two numbers, each > 0)", "etas", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"rprop\", \"params\": {\"etas\": {\"a\": 1}}}]}",
                        "racers[0].params.etas must be a number, true/false, a name or a list of numbers, got {\"a\":1}", "etas", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"rprop\", \"params\": {\"etas\": [0.5, [1]]}}]}",
                        "racers[0].params.etas must list numbers, got [0.5,[1]]", "etas", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"params\": {\"momentum\": 0.5}}]}",
                        "gd does not take momentum; it takes: lr, noise, batch-size, seed, weight-decay, maximize", "momentum", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"sgd\", \"params\": {\"seed\": 1.5}}]}",
                        "racers[0].params.seed must be a whole number, got 1.5", "seed", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"sgd\", \"params\": {\"noise\": -2}}]}",
                        "noise must be >= 0, got -2", "noise", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"schedule\": {\"name\": \"cosin\"}}]}",
                        "unknown schedule 'cosin': did you mean 'cosine'?", "schedule", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"schedule\": {\"params\": {}}}]}",
                        "racers[0].schedule.name is required", "schedule", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"schedule\": {\"name\": \"step\", \"params\": {\"tau\": 5}}}]}",
                        "the step schedule does not take tau; it takes: step-size, gamma", "tau", 0),
                Arguments.of("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\", \"schedule\": {\"name\": \"step\", \"params\": {\"step-size\": 2.5}}}]}",
                        "step-size must be a whole number of updates, got 2.5", "step-size", 0),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ",}", "malformed JSON at line 1, column 53: unexpected character '}': was expecting double-quote to start field name", null, null),
                Arguments.of("{\"surface\": \"bowl\",\n  \"racers\": [\n    {\"optimizer\": \"gd\" \"params\": {}}]}",
                        "malformed JSON at line 3, column 24: unexpected character '\"': was expecting comma to separate Object entries", null, null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + ", \"steps\": NaN}",
                        "malformed JSON at line 1, column 66: non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", null, null),
                Arguments.of("{\"surface\": \"bowl\"", "malformed JSON at line 1, column 19: unexpected end-of-input: expected close marker for Object", null, null),
                Arguments.of("{\"surface\": \"bowl\", " + GD + "} {}", "malformed JSON at line 1, column 54: more text after the end of the JSON object", null, null),
                Arguments.of("[1, 2]", "the request body must be a JSON object, got a list", null, null),
                Arguments.of("\"race\"", "the request body must be a JSON object, got \"race\"", null, null),
                Arguments.of("null", "the request body must be a JSON object, got null", null, null),
                Arguments.of("", "the request body is empty; expected a race as JSON (see docs/API.md)", null, null),
                Arguments.of("[".repeat(100) + "]".repeat(100), "the JSON is nested deeper than 16 levels", null, null));
    }

    private static String nineRacers() {
        return "[" + String.join(",", Stream.of("gd", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw", "newton")
                .map(n -> "{\"optimizer\": \"" + n + "\"}").toList()) + "]";
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRaces")
    void badRacesAre400sNamingTheFieldAndRacer(String body, String message, String field, Integer racer) {
        HttpResponse<String> response = lab.post("/api/race", body);
        JsonNode error = assertError(response, 400, message, field);
        if (racer == null) {
            assertThat(error.has("racer")).as(response.body()).isFalse();
        } else {
            assertThat(error.get("racer").asInt()).isEqualTo(racer);
        }
        assertStillServing();
    }

    @Test
    void badUrlEncodingIsA400() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class, () -> QueryParams.parse("grid=%zz"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("the query string is not valid URL encoding near '%zz'");
    }

    @Test
    void anOversizedBodyIs413() {
        String body = "{\"surface\": \"bowl\", " + GD + ", \"pad\": \"" + "x".repeat(70_000) + "\"}";
        assertError(lab.post("/api/race", body), 413, "the request body is larger than 65536 bytes", null);
        assertStillServing();
    }

    @Test
    void anOversizedChunkedBodyIs413Too() {
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) ' ');
        var request = HttpRequest.newBuilder(lab.uri("/api/race")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        assertError(lab.send(request), 413, "the request body is larger than 65536 bytes", null);
        assertStillServing();
    }

    @Test
    void aLongQueryStringIs414() {
        assertError(lab.get("/api/landscape?surface=bowl&pad=" + "x".repeat(17000)), 414,
                "the query string has 17017 characters; at most 16384 are allowed", null);
        assertStillServing();
    }

    @Test
    void unknownPathsAre404() {
        assertError(lab.get("/api/nope"), 404, "no API endpoint /api/nope; see docs/API.md", null);
        assertError(lab.get("/nope"), 404, "no such page: /nope", null);
        assertError(lab.get("/static/missing.js"), 404, "no such file: /static/missing.js", null);
        assertStillServing();
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        var getRace = lab.get("/api/race");
        assertError(getRace, 405, "GET is not allowed on /api/race; use POST", null);
        assertThat(getRace.headers().firstValue("Allow")).hasValue("POST");
        var postCatalog = lab.post("/api/catalog", "{}");
        assertError(postCatalog, 405, "POST is not allowed on /api/catalog; use GET", null);
        assertThat(postCatalog.headers().firstValue("Allow")).hasValue("GET");
        var deletePage = lab.send(HttpRequest.newBuilder(lab.uri("/")).DELETE().build());
        assertError(deletePage, 405, "DELETE is not allowed on /; use GET, HEAD", null);
        assertStillServing();
    }

    static void assertStillServing() {
        assertStillServing(lab);
    }

    /** {@code lab} answers a good request after a bad one, and has logged nothing (bad input is no bug). */
    static void assertStillServing(TestServer lab) {
        HttpResponse<String> ok = lab.get("/api/analyze?surface=bowl&at=1,1");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(ok).get("kind").asText()).isEqualTo("minimum");
        assertThat(lab.log()).as("nothing but bugs is logged").isEmpty();
    }
}
