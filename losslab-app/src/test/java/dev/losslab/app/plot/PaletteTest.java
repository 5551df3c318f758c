package dev.losslab.app.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.web.WebServer;
import dev.losslab.core.optim.Optimizers;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PNG plots and the page colour alike because both read web/palette.json: the page gets the very
 * bytes Java reads, no page module keeps a copy of a palette colour, and the palette is what it says
 * (matplotlib's viridis, a colour for every optimizer).
 */
class PaletteTest {

    private static final Path WEB_JS = Path.of("src/main/resources/web/js");
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}\\b");

    /** Values printed by matplotlib 3.6.3: '#%02x%02x%02x' of viridis(t)[:3] × 255, rounded. */
    @ParameterizedTest(name = "viridis({0}) = {1}")
    @CsvSource({"0, 440154", "0.1, 482475", "0.25, 3b528b", "0.3333333333333333, 31688e", "0.5, 21918c",
            "0.75, 5ec962", "0.999, fde725", "1, fde725"})
    void viridisIsMatplotlibs(double t, String hex) {
        assertThat(rgb(Palette.viridis(t))).isEqualTo(hex);
    }

    @Test
    void viridisClampsOutsideZeroToOne() {
        assertThat(Palette.viridis(-1)).isEqualTo(Palette.viridis(0));
        assertThat(Palette.viridis(2)).isEqualTo(Palette.viridis(1));
    }

    @Test
    void everyOptimizerHasItsOwnColour() {
        Set<Color> seen = new HashSet<>();
        for (String name : Optimizers.names()) {
            assertThat(Palette.OPTIMIZERS).as("palette.json's racers name " + name).containsKey(name);
            assertThat(seen.add(Palette.OPTIMIZERS.get(name))).as(name + "'s colour is its own").isTrue();
        }
    }

    @Test
    void thePageIsServedTheFileThePlotsRead() throws IOException, InterruptedException {
        byte[] read;
        try (InputStream in = Palette.class.getResourceAsStream(Palette.FILE)) {
            read = in.readAllBytes();
        }
        try (WebServer server = WebServer.start("127.0.0.1", 0)) {
            HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "static/palette.json")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(read);
        }
        assertThat(Files.readString(WEB_JS.resolve("palette.js"))).contains("fetch('/static/palette.json')");
    }

    /** A module with its own '#rrggbb' of a palette colour is a second copy that can drift. */
    @Test
    void noPageModuleKeepsItsOwnCopyOfAPaletteColour() throws IOException {
        Set<String> palette = new HashSet<>();
        try (InputStream in = Palette.class.getResourceAsStream(Palette.FILE)) {
            hexes(new String(in.readAllBytes(), StandardCharsets.UTF_8)).forEach(palette::add);
        }
        List<Path> modules;
        try (Stream<Path> files = Files.list(WEB_JS)) {
            modules = files.filter(p -> p.toString().endsWith(".js")).toList();
        }
        assertThat(modules).isNotEmpty();
        for (Path module : modules) {
            List<String> copies = hexes(Files.readString(module)).filter(palette::contains).toList();
            assertThat(copies).as(module.getFileName() + " should import these from palette.js").isEmpty();
        }
    }

    private static Stream<String> hexes(String text) {
        Matcher m = HEX.matcher(text);
        return m.results().map(r -> r.group().toLowerCase(Locale.ROOT));
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "%06x", c.getRGB() & 0xffffff);
    }
}
