package dev.losslab.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.output.DatasetTable;
import dev.losslab.app.output.OptimizerTable;
import dev.losslab.core.data.DatasetCsv;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.surface.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    void datasetTableIsTheGeneratedOne() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf('\n', readme.indexOf("<!-- dataset-table:start")) + 1;
        int end = readme.indexOf("<!-- dataset-table:end -->");
        assertThat(start).isPositive();
        assertThat(readme.substring(start, end))
                .as("README's dataset table; regenerate with ./losslab datasets --format markdown")
                .isEqualTo(DatasetTable.markdown());
    }

    /** docs/DATASETS.md gives every built-in set's source and states the caps the reader enforces. */
    @Test
    void theDatasetsDocCoversEverySetAndTheCaps() throws IOException {
        String doc = read("docs/DATASETS.md");
        Datasets.names().forEach(name -> assertThat(doc).contains("| `" + name + "` |"));
        assertThat(doc)
                .contains("| columns (features and the label) | " + count(DatasetCsv.MAX_COLUMNS) + " ")
                .contains("| rows (not counting the header) | " + count(DatasetCsv.MAX_ROWS) + " |")
                .contains("| characters in the file | " + count(DatasetCsv.MAX_CHARACTERS) + " ")
                .contains("| classes of a text label | " + count(DatasetCsv.MAX_CLASSES) + " |")
                .contains("| distinct integer labels that are classes | " + DatasetCsv.MAX_NUMERIC_CLASSES + " ")
                .contains("at most " + DatasetCsv.MAX_NUMERIC_CLASSES + " distinct values")
                .contains("(at most " + count(DatasetCsv.MAX_CLASSES) + ")");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
