package dev.losslab.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.output.OptimizerTable;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.surface.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README is checked against the registries and the CI script, so it cannot drift. */
class ReadmeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    @Test
    void optimizerTableIsTheGeneratedOne() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf('\n', readme.indexOf("<!-- optimizer-table:start")) + 1;
        int end = readme.indexOf("<!-- optimizer-table:end -->");
        assertThat(start).isPositive();
        assertThat(readme.substring(start, end))
                .as("README's optimizer table; regenerate with ./losslab optimizers --format markdown")
                .isEqualTo(OptimizerTable.markdown());
    }

    @Test
    void everyCatalogSurfaceIsNamed() throws IOException {
        String readme = read("README.md");
        Catalog.names().forEach(name -> assertThat(readme).contains("`" + name + "`"));
    }

    @Test
    void everyScheduleIsNamedInTheApiDoc() throws IOException {
        String api = read("docs/API.md");
        Schedules.names().forEach(name -> assertThat(api).contains("`" + name + "`"));
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        assertThat(read("README.md")).contains("| run all tests | `./run-tests` |");
        assertThat(read(".ci/run").lines().filter(l -> !l.startsWith("#")))
                .anyMatch(l -> l.strip().equals("./run-tests"));
    }
}
