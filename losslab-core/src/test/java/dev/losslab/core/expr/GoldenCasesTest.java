package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language as data: valid-cases.txt (formula → value at a point, or → normalized text) and
 * error-cases.txt (formula → the exact message, whose column the caret line must point at).
 */
class GoldenCasesTest {

    private static final String ARROW = "⟶";

    @ParameterizedTest
    @MethodSource("validCases")
    void validFormula(String formula, String point, String expected) {
        Formula f = Formula.parse(formula, "surface");
        if (point == null) {
            String normalized = unquote(expected);
            assertThat(f.normalized()).isEqualTo(normalized);
            assertThat(Formula.parse(normalized, "surface").expression()).as("normalized text parses back")
                    .isEqualTo(f.expression());
            return;
        }
        String[] xy = point.split(",");
        double x = Double.parseDouble(xy[0].strip());
        double y = Double.parseDouble(xy[1].strip());
        double want = Double.parseDouble(expected);
        double got = f.compile().value(x, y);
        if (Double.isNaN(want) || Double.isInfinite(want)) {
            assertThat(Double.valueOf(got)).isEqualTo(Double.valueOf(want));
        } else {
            assertThat(got).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-14 * Math.max(1, Math.abs(want))));
        }
        assertThat(Double.valueOf(got)).as("compiled equals the reference reading, bit for bit")
                .isEqualTo(Double.valueOf(ReferenceEvaluator.evaluate(f.expression(), x, y)));
    }

    @ParameterizedTest
    @MethodSource("errorCases")
    void malformedFormula(String formula, String firstLine) {
        int column = Integer.parseInt(firstLine.replaceAll(".* at column (\\d+).*", "$1"));
        String caret = "  " + formula + "\n  " + " ".repeat(column - 1) + "^";
        assertThatThrownBy(() -> Formula.parse(formula, "surface"))
                .isInstanceOf(FormulaException.class)
                .hasMessage(firstLine + "\n" + caret)
                .satisfies(e -> assertThat(((FormulaException) e).column()).isEqualTo(column))
                .satisfies(e -> assertThat(((FormulaException) e).field()).isEqualTo("surface"));
    }

    static Stream<Arguments> validCases() throws IOException {
        return lines("valid-cases.txt").stream().map(line -> {
            int arrow = line.indexOf(ARROW);
            String left = line.substring(0, arrow).strip();
            String expected = line.substring(arrow + 1).strip();
            int close = left.lastIndexOf('`');
            String formula = unquote(left.substring(0, close + 1));
            String rest = left.substring(close + 1).strip();
            String point = rest.startsWith("@") ? rest.substring(1).strip() : null;
            return Arguments.of(Named.of(line.replaceAll("\\s+", " "), formula), point, expected);
        });
    }

    static Stream<Arguments> errorCases() throws IOException {
        return lines("error-cases.txt").stream().map(line -> {
            int arrow = line.indexOf(ARROW);
            String formula = unquote(line.substring(0, arrow).strip());
            return Arguments.of(Named.of(line.replaceAll("\\s+", " "), formula), line.substring(arrow + 1).strip());
        });
    }

    private static String unquote(String quoted) {
        assertThat(quoted).startsWith("`").endsWith("`");
        return quoted.substring(1, quoted.length() - 1);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = GoldenCasesTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> cases = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(cases).as(resource).hasSizeGreaterThan(20);
            return cases;
        }
    }
}
