package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Dataset.LabelKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a CSV file reads as, and every malformed file against its exact message. */
class DatasetCsvTest {

    static Dataset read(String csv) {
        return DatasetCsv.read(new StringReader(csv), "bad.csv");
    }

    static String messageOf(String csv) {
        return messageOf(() -> read(csv));
    }

    static String messageOf(Runnable reading) {
        try {
            reading.run();
        } catch (InvalidInputException e) {
            assertThat(e.field()).isEqualTo("data");
            return e.getMessage();
        }
        throw new AssertionError("read without an error");
    }

    @Test
    void readsHeaderFeaturesAndLabel() {
        Dataset d = read("x1,x2,class\n0.5,-1,a\n2,3e-1,b\n");
        assertThat(d.name()).isEqualTo("bad.csv");
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.labelName()).isEqualTo("class");
        assertThat(d.feature(0)).containsExactly(0.5, 2.0);
        assertThat(d.feature(1)).containsExactly(-1.0, 0.3);
        assertThat(d.labelKind()).isEqualTo(LabelKind.CLASS);
        assertThat(d.classNames()).containsExactly("a", "b");
        assertThat(d.labels()).containsExactly(0.0, 1.0);
    }

    /** Numbers as Java and Python print them, spaces, quotes, CRLF, blank lines and a byte-order mark. */
    @Test
    void readsTheFormsPeopleAndProgramsWrite() {
        String csv = "\uFEFF \"width, cm\" ,\t\"say \"\"hi\"\"\"\t, y \r\n"
                + "\r\n"
                + "+2 , 1e-3, 1.5\r\n"
                + "   \n"
                + "-0,1.0E-5 ,2.5\r"
                + ".5,5.,3.5";
        Dataset d = read(csv);
        assertThat(d.featureNames()).containsExactly("width, cm", "say \"hi\"");
        assertThat(d.labelName()).isEqualTo("y");
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.feature(0)).containsExactly(2.0, -0.0, 0.5);
        assertThat(d.feature(1)).containsExactly(1e-3, 1e-5, 5.0);
        assertThat(d.labelKind()).isEqualTo(LabelKind.REAL);
        assertThat(d.labels()).containsExactly(1.5, 2.5, 3.5);
    }

    /** The label rule: text names classes in sorted order; few integers are classes; the rest is real. */
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # labels, one per row       | kind  | class names               | codes or values
            setosa virginica setosa     | CLASS | setosa virginica          | 0 1 0
            b a c a                     | CLASS | a b c                     | 1 0 2 0
            B a                         | CLASS | B a                       | 0 1
            10 9 x                      | CLASS | 10 9 x                    | 0 1 2
            1 1.0 x                     | CLASS | 1 1.0 x                   | 0 1 2
            2 0 1 0                     | CLASS | 0 1 2                     | 2 0 1 0
            1 -1                        | CLASS | -1 1                      | 1 0
            1.0 2 1                     | CLASS | 1.0 2                     | 0 1 0
            0 -0                        | CLASS | 0                         | 0 0
            -0 0                        | CLASS | -0                        | 0 0
            1e2 5                       | CLASS | 5 1e2                     | 1 0
            0.5 1                       | REAL  | -                         | 0.5 1
            151 75.25 141               | REAL  | -                         | 151 75.25 141
            """)
    void labelRule(String labels, LabelKind kind, String classNames, String expected) {
        StringBuilder csv = new StringBuilder("f,label\n");
        for (String label : labels.split(" ")) {
            csv.append("0,").append(label).append('\n');
        }
        Dataset d = read(csv.toString());
        assertThat(d.labelKind()).isEqualTo(kind);
        assertThat(d.classNames()).isEqualTo(classNames.equals("-") ? List.of() : List.of(classNames.split(" ")));
        double[] values = java.util.Arrays.stream(expected.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(d.labels()).containsExactly(values);
    }

    @Test
    void twentyDistinctIntegersAreClassesTwentyOneAreReal() {
        assertThat(read(labels(20)).labelKind()).isEqualTo(LabelKind.CLASS);
        assertThat(read(labels(20)).classNames()).hasSize(20).startsWith("0", "1").endsWith("19");
        assertThat(read(labels(21)).labelKind()).isEqualTo(LabelKind.REAL);
    }

    private static String labels(int distinct) {
        StringBuilder csv = new StringBuilder("f,label\n");
        for (int i = distinct - 1; i >= 0; i--) {
            csv.append("1,").append(i).append('\n');
        }
        return csv.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # case                  | file (\\n is a line break)        | message
            empty                   | ``                                 | bad.csv is empty: a CSV needs a header row naming its columns, then its rows
            blank lines only        | `\\n  \\n\\t\\n`                   | bad.csv is empty: a CSV needs a header row naming its columns, then its rows
            header only             | `x,y\\n`                           | bad.csv has a header but no rows
            header and blank lines  | `x,y\\n\\n \\n`                    | bad.csv has a header but no rows
            one column              | `x\\n1\\n`                         | bad.csv, line 1: the header has 1 column; a dataset needs at least one feature column and the label, last
            empty header name       | `x,,y\\n1,2,3\\n`                  | bad.csv, line 1, column 2: the header name is empty; every column needs a name
            quoted empty name       | `x,"",y\\n1,2,3\\n`                | bad.csv, line 1, column 2: the header name is empty; every column needs a name
            duplicate header name   | `x,y, x\\n1,2,3\\n`                | bad.csv, line 1, column 3: the header name 'x' is also column 1's; every column needs its own name
            no header               | `5.1,3.5,0\\n4.9,3,0\\n`           | bad.csv, line 1: the first row is all numbers; a CSV needs a header row naming its columns first (e.g. x1,x2,label)
            two fields missing      | `a,b,c,d,y\\n1,2,3,4,0\\n1,2,0\\n` | bad.csv, line 3 has 3 fields, the header has 5: column 4 (d) to column 5 (y) are missing
            label missing           | `a,b,y\\n1,2\\n`                   | bad.csv, line 2 has 2 fields, the header has 3: column 3 (y) is missing
            one field               | `a,b,y\\n1\\n`                     | bad.csv, line 2 has 1 field, the header has 3: column 2 (b) to column 3 (y) are missing
            one field too many      | `a,y\\n1,2,3\\n`                   | bad.csv, line 2 has 3 fields, the header has 2: column 3 has no name in the header
            fields too many         | `a,y\\n1,2,3,4\\n`                 | bad.csv, line 2 has 4 fields, the header has 2: column 3 onwards has no name in the header
            line numbers count blank lines | `a,y\\n\\n1,0\\n\\n1,x,2\\n` | bad.csv, line 5 has 3 fields, the header has 2: column 3 has no name in the header
            text in a number column | `a,b,y\\n1,2,0\\n1,abc,0\\n`       | bad.csv, line 3, column 2 (b): 'abc' is not a number
            a comma decimal         | `a,b,y\\n1,"2,5",0\\n`             | bad.csv, line 2, column 2 (b): '2,5' is not a number
            hexadecimal             | `a,y\\n0x1p-4,0\\n`                | bad.csv, line 2, column 1 (a): '0x1p-4' is not a number
            long text is cut        | `a,y\\n12345678901234567890123456789012345678901234567890x,0\\n` | bad.csv, line 2, column 1 (a): '1234567890123456789012345678901234567890…' is not a number
            empty value             | `a,b,y\\n1, ,0\\n`                 | bad.csv, line 2, column 2 (b): the value is empty; every row needs a number in each feature column
            nan                     | `a,y\\n nan ,0\\n`                 | bad.csv, line 2, column 1 (a): 'nan' is not a finite number; every value must be finite (no nan or inf)
            NaN                     | `a,y\\nNaN,0\\n`                   | bad.csv, line 2, column 1 (a): 'NaN' is not a finite number; every value must be finite (no nan or inf)
            inf                     | `a,b,y\\n1,inf,0\\n`               | bad.csv, line 2, column 2 (b): 'inf' is not a finite number; every value must be finite (no nan or inf)
            -Infinity               | `a,b,y\\n1,-Infinity,0\\n`         | bad.csv, line 2, column 2 (b): '-Infinity' is not a finite number; every value must be finite (no nan or inf)
            overflow                | `a,y\\n1e999,0\\n`                 | bad.csv, line 2, column 1 (a): '1e999' is too large for a double; every value must be finite
            nan label               | `a,y\\n1,nan\\n`                   | bad.csv, line 2, column 2 (y): 'nan' is not a finite number; every value must be finite (no nan or inf)
            infinite label          | `a,y\\n1,2\\n1,-1e400\\n`          | bad.csv, line 3, column 2 (y): '-1e400' is too large for a double; every value must be finite
            empty label             | `a,y\\n1,0\\n2,\\n`                | bad.csv, line 3, column 2 (y): the label is empty; every row needs one
            unclosed quote          | `a,y\\n"1,0\\n2,0\\n`              | bad.csv, line 2, column 1 (a): a quoted value has no closing quote on its line
            unclosed quote at end   | `a,y\\n1,"0`                       | bad.csv, line 2, column 2 (y): a quoted value has no closing quote on its line
            text after a quote      | `a,y\\n"1"x,0\\n`                  | bad.csv, line 2, column 1 (a): text after the closing quote
            """)
    void malformedFileHasOneClearError(String what, String csv, String message) {
        assertThat(messageOf(csv.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(message);
    }

    @Test
    void aThousandColumnsAreReadAThousandAndOneAreNot() {
        assertThat(read(row("f", DatasetCsv.MAX_COLUMNS) + row("1", DatasetCsv.MAX_COLUMNS)).featureCount()).isEqualTo(999);
        assertThat(messageOf(row("f", DatasetCsv.MAX_COLUMNS + 1) + row("1", DatasetCsv.MAX_COLUMNS + 1)))
                .isEqualTo("bad.csv, line 1: the header has more than 1,000 columns, the most LossLab reads");
    }

    /** A header of a million columns fails after reading about a thousand of them, and holds none of the rest. */
    @Test
    void aMillionColumnsFailFastWithoutBeingRead() {
        Generated header = new Generated(1_000_000, c -> "column" + c + ",");
        assertThat(messageOf(() -> DatasetCsv.read(header, "wide.csv")))
                .isEqualTo("wide.csv, line 1: the header has more than 1,000 columns, the most LossLab reads");
        assertThat(header.served).as("characters read").isLessThan(20_000);
    }

    @Test
    void aMillionRowsAreReadOneMoreIsNot() {
        Dataset d = DatasetCsv.read(new Generated(DatasetCsv.MAX_ROWS + 1, r -> r == 0 ? "x,y\n" : "1,0\n"), "long.csv");
        assertThat(d.rows()).isEqualTo(1_000_000);
        assertThat(messageOf(() -> DatasetCsv.read(new Generated(DatasetCsv.MAX_ROWS + 2, r -> r == 0 ? "x,y\n" : "1,0\n"),
                "long.csv"))).isEqualTo("long.csv, line 1000002: more than 1,000,000 rows, the most LossLab reads");
    }

    /** Spaces are not values, so a file of padded rows reaches the character cap before the row cap. */
    @Test
    void fiftyMillionCharactersAreTheMost() {
        String padded = " ".repeat(200) + "1,0\n";
        Generated file = new Generated(DatasetCsv.MAX_ROWS, r -> r == 0 ? "x,y\n" : padded);
        assertThat(messageOf(() -> DatasetCsv.read(file, "big.csv")))
                .matches("big\\.csv, line \\d+: the file is longer than 50,000,000 characters, the most LossLab reads");
        assertThat(file.served).isLessThan(DatasetCsv.MAX_CHARACTERS + 10_000);
    }

    @Test
    void aThousandTextClassesAreTheMost() {
        StringBuilder csv = new StringBuilder("f,label\n");
        for (int i = 0; i < DatasetCsv.MAX_CLASSES; i++) {
            csv.append("0,").append(i).append('\n');
        }
        csv.append("0,x\n");
        assertThat(messageOf(csv.toString())).isEqualTo("bad.csv, line 1002, column 2 (label): 'x' is text, so the labels"
                + " name classes, but there are more than 1,000 different ones; a real-valued label must be all numbers");
        assertThat(read(csv.toString().replace("0,0\n", "")).classNames()).hasSize(1_000).contains("x");
    }

    @Test
    void aFileIsNamedAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "x,y\n1,2\n");
        Dataset d = DatasetCsv.read(file);
        assertThat(d.name()).isEqualTo(file.toString());
        assertThat(d.rows()).isEqualTo(1);
        assertThat(d.source()).contains(file.toString());
    }

    @Test
    void aMissingFileADirectoryAndBinaryAreRefused(@TempDir Path dir) throws IOException {
        assertThat(messageOf(() -> DatasetCsv.read(dir.resolve("missing.csv"))))
                .isEqualTo("cannot read " + dir.resolve("missing.csv") + ": no such file");
        assertThat(messageOf(() -> DatasetCsv.read(dir))).isEqualTo(dir + " is a directory, not a CSV file");
        Path binary = dir.resolve("data.bin");
        Files.write(binary, new byte[] {'x', ',', 'y', '\n', '1', ',', '2', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThat(messageOf(() -> DatasetCsv.read(binary))).isEqualTo(binary + ", line 3: the text is not UTF-8 (save the file as UTF-8)");
    }

    @Test
    void anUnreadableFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret.csv");
        Files.writeString(file, "x,y\n1,2\n");
        assertThat(file.toFile().setReadable(false, false)).isTrue();
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        assertThat(messageOf(() -> DatasetCsv.read(file))).isEqualTo("cannot read " + file + ": permission denied");
    }

    private static String row(String prefix, int columns) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            row.append(c == 0 ? "" : ",").append(prefix.equals("f") ? "f" + c : prefix);
        }
        return row.append('\n').toString();
    }

    /** A file made piece by piece as it is read, counting what it served: huge files without their memory. */
    private static final class Generated extends Reader {
        private final long pieces;
        private final java.util.function.LongFunction<String> piece;
        private long next;
        private String current = "";
        private int at;
        long served;

        Generated(long pieces, java.util.function.LongFunction<String> piece) {
            this.pieces = pieces;
            this.piece = piece;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            int n = 0;
            while (n < length) {
                if (at == current.length()) {
                    if (next == pieces) {
                        break;
                    }
                    current = piece.apply(next++);
                    at = 0;
                }
                int take = Math.min(length - n, current.length() - at);
                current.getChars(at, at + take, buffer, offset + n);
                at += take;
                n += take;
            }
            served += n;
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {}
    }
}
