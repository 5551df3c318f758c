package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Dataset.LabelKind;
import dev.losslab.core.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in sets against NumPy's summary of the same files (summary.json, written by
 * tools/datasets/generate.py), a few rows against the published data, and how names and paths resolve.
 */
class DatasetsTest {

    /** Means and sds agree to 1e-12 of the column's scale (the larger of |mean| and sd): NumPy sums pairwise. */
    private static final double RELATIVE = 1e-12;

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary() throws IOException {
        try (InputStream in = DatasetsTest.class.getResourceAsStream("summary.json")) {
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Stream<String> builtins() {
        return Datasets.names().stream();
    }

    @Test
    void theBuiltinsAreTheIssuesTenWithASummaryEach() throws IOException {
        assertThat(Datasets.names()).containsExactly("moons", "circles", "spirals", "xor", "blobs",
                "iris", "wine", "breast-cancer", "digits", "diabetes");
        assertThat(summary().keySet()).containsExactlyInAnyOrderElementsOf(Datasets.names());
    }

    @ParameterizedTest
    @MethodSource("builtins")
    @SuppressWarnings("unchecked")
    void matchesNumPy(String name) throws IOException {
        Map<String, Object> expected = (Map<String, Object>) summary().get(name);
        Dataset d = Datasets.get(name);
        Datasets.Builtin builtin = Datasets.all().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.description()).isEqualTo(builtin.description());
        assertThat(d.source()).isEqualTo(builtin.source());
        assertThat(d.rows()).isEqualTo(((Double) expected.get("rows")).intValue());
        List<Map<String, Object>> features = (List<Map<String, Object>>) expected.get("features");
        assertThat(d.featureNames()).isEqualTo(features.stream().map(f -> (String) f.get("name")).toList());
        for (int j = 0; j < d.featureCount(); j++) {
            Map<String, Object> f = features.get(j);
            ColumnStats s = ColumnStats.of(d.feature(j));
            String what = name + " " + f.get("name");
            assertThat(s.min()).as(what + " min").isEqualTo((Double) f.get("min"));
            assertThat(s.max()).as(what + " max").isEqualTo((Double) f.get("max"));
            assertClose(s.mean(), s.sd(), (Double) f.get("mean"), (Double) f.get("sd"), what);
        }
        Map<String, Object> label = (Map<String, Object>) expected.get("label");
        if (label.get("kind").equals("real")) {
            assertThat(d.labelKind()).isEqualTo(LabelKind.REAL);
            ColumnStats s = ColumnStats.of(d.labels());
            assertClose(s.mean(), s.sd(), (Double) label.get("mean"), (Double) label.get("sd"), name + " label");
        } else {
            assertThat(d.labelKind()).isEqualTo(LabelKind.CLASS);
            List<List<Object>> classes = (List<List<Object>>) label.get("classes");
            assertThat(d.classNames()).isEqualTo(classes.stream().map(c -> (String) c.get(0)).toList());
            int[] counts = new int[classes.size()];
            for (double code : d.labels()) {
                counts[(int) code]++;
            }
            assertThat(counts).containsExactly(classes.stream().mapToInt(c -> ((Double) c.get(1)).intValue()).toArray());
        }
    }

    private static void assertClose(double mean, double sd, double numpyMean, double numpySd, String what) {
        double scale = Math.max(Math.abs(numpyMean), numpySd);
        assertThat(mean).as(what + " mean").isCloseTo(numpyMean, within(RELATIVE * scale));
        assertThat(sd).as(what + " sd").isCloseTo(numpySd, within(RELATIVE * scale));
    }

    /** First rows as scikit-learn's files and the papers print them. */
    @Test
    void firstRowsAreThePublishedOnes() {
        Dataset iris = Datasets.get("iris");
        assertThat(row(iris, 0)).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(iris.featureNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        Dataset diabetes = Datasets.get("diabetes");
        assertThat(diabetes.featureNames()).containsExactly("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(diabetes.labelName()).isEqualTo("progression");
        assertThat(row(diabetes, 0)).containsExactly(59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87);
        assertThat(diabetes.labels()[0]).isEqualTo(151);
        Dataset cancer = Datasets.get("breast-cancer");
        assertThat(cancer.featureNames()).hasSize(30).startsWith("mean_radius").contains("worst_fractal_dimension");
        // Text labels are coded in sorted order: benign 0, malignant 1 (scikit-learn's target has malignant 0).
        assertThat(cancer.classNames()).containsExactly("benign", "malignant");
        assertThat(cancer.labels()[0]).isEqualTo(1);
        assertThat(Datasets.get("wine").featureNames()).contains("od280_od315").hasSize(13);
        assertThat(Datasets.get("digits").featureNames()).startsWith("pixel_0_0", "pixel_0_1").endsWith("pixel_7_7");
        assertThat(Datasets.get("digits").classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    /** The xor set's promise: every row's class is the xor of its signs. */
    @Test
    void xorIsTheXorOfTheSigns() {
        Dataset xor = Datasets.get("xor");
        double[] x1 = xor.feature(0);
        double[] x2 = xor.feature(1);
        double[] labels = xor.labels();
        for (int i = 0; i < xor.rows(); i++) {
            assertThat(labels[i]).as("row " + i).isEqualTo((x1[i] > 0) != (x2[i] > 0) ? 1 : 0);
        }
    }

    private static double[] row(Dataset d, int i) {
        double[] row = new double[d.featureCount()];
        for (int j = 0; j < row.length; j++) {
            row[j] = d.feature(j)[i];
        }
        return row;
    }

    @Test
    void eachIsReadOnceHoweverManyThreadsAsk() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Dataset>> got = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String name = t % 2 == 0 ? "digits" : "breast-cancer";
                got.add(pool.submit((Callable<Dataset>) () -> {
                    go.await();
                    return Datasets.get(name);
                }));
            }
            go.countDown();
            for (int t = 0; t < got.size(); t++) {
                assertThat(got.get(t).get()).isSameAs(Datasets.get(t % 2 == 0 ? "digits" : "breast-cancer"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Datasets.find("iris")).containsSame(Datasets.get("iris"));
        assertThat(Datasets.find("iris.csv")).isEmpty();
    }

    @Test
    void anUnknownNameSuggestsTheClosest() {
        assertThatThrownBy(() -> Datasets.get("irsi")).isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown dataset 'irsi': did you mean 'iris'?")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("dataset");
    }

    @Test
    void resolveReadsAFileOnlyWhereFilesAreAllowed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "x,y\n1,2\n3,4\n");
        assertThat(Datasets.resolve("iris", false)).isSameAs(Datasets.get("iris"));
        assertThat(Datasets.resolve("iris", true)).isSameAs(Datasets.get("iris"));
        assertThat(Datasets.resolve(file.toString(), true).rows()).isEqualTo(2);
        String builtins = "moons, circles, spirals, xor, blobs, iris, wine, breast-cancer, digits, diabetes";
        assertThat(DatasetCsvTest.messageOf(() -> Datasets.resolve(file.toString(), false)))
                .isEqualTo("unknown dataset '" + cut(file.toString()) + "'; only the built-in datasets are accepted here: " + builtins);
        assertThat(DatasetCsvTest.messageOf(() -> Datasets.resolve("/etc/passwd", false)))
                .isEqualTo("unknown dataset '/etc/passwd'; only the built-in datasets are accepted here: " + builtins);
        assertThat(DatasetCsvTest.messageOf(() -> Datasets.resolve("Iris", false)))
                .isEqualTo("unknown dataset 'Iris' (did you mean 'iris'?); only the built-in datasets are accepted here: " + builtins);
        assertThat(DatasetCsvTest.messageOf(() -> Datasets.resolve("irsi", true)))
                .isEqualTo("unknown dataset 'irsi' (did you mean 'iris'?); give a built-in name (" + builtins
                        + ") or the path of a CSV file");
        assertThat(DatasetCsvTest.messageOf(() -> Datasets.resolve("missing.csv", true)))
                .isEqualTo("cannot read missing.csv: no such file");
        assertThat(DatasetCsvTest.messageOf(() -> Datasets.resolve("a\0b.csv", true)))
                .isEqualTo("cannot read 'a\0b.csv': not a valid path (Nul character not allowed)");
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
