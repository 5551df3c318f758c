package dev.losslab.app.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.Optimizers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Files and the web page colour each optimizer alike: one palette, checked in two places. */
class PaletteTest {

    @Test
    void optimizerColoursMatchTheWebPage() throws IOException {
        String js;
        try (InputStream in = PaletteTest.class.getResourceAsStream("/web/js/racerColors.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher entry = Pattern.compile("^\\s*'?([a-z-]+)'?:\\s*'#([0-9A-Fa-f]{6})'", Pattern.MULTILINE).matcher(js);
        Map<String, Integer> web = new HashMap<>();
        while (entry.find()) {
            web.put(entry.group(1), Integer.parseInt(entry.group(2), 16));
        }
        for (String name : Optimizers.names()) {
            assertThat(web).as("racerColors.js names " + name).containsKey(name);
            assertThat(Palette.OPTIMIZERS.get(name).getRGB() & 0xffffff).as(name).isEqualTo(web.get(name));
        }
    }
}
