package dev.losslab.app.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Ranges} reads numbers by the web API's rule ({@link Numbers#isPlain}): plain decimals only,
 * so the CLI's {@code --vary} and {@code --noise} refuse what the API refuses, naming the field.
 */
class RangesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "-3", "+2", "5.", ".5", "1e-4", "2.5E+3"})
    void plainDecimalsAreNumbers(String text) {
        assertThat(Numbers.isPlain(text)).isTrue();
        assertThat(Numbers.parsePlain(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p-4", "1d", "2f", "1D", "NaN", "Infinity", "-Infinity", " 1", "1 ", "", ".", "e5", "1e", "1,5"})
    void otherFormsAreNot(String text) {
        assertThat(Numbers.isPlain(text)).isFalse();
        assertThatThrownBy(() -> Numbers.parsePlain(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lr=0x1p-4:0.2:3  | --vary lr range: '0x1p-4' is not a number (plain decimals, such as 0.01 or 1e-4)
            lr=0.1:1d:3      | --vary lr range: '1d' is not a number (plain decimals, such as 0.01 or 1e-4)
            lr=NaN:0.2:3     | --vary lr range: 'NaN' is not a number (plain decimals, such as 0.01 or 1e-4)
            """)
    void varyRefusesAnythingButPlainDecimals(String text, String message) {
        assertThatThrownBy(() -> Ranges.axes(text, List.of(), "--vary", "--log"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("vary"))
                .hasMessage(message);
        assertThatThrownBy(() -> Ranges.axes(text, List.of(), "vary", "log"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("vary"))
                .hasMessageStartingWith("vary lr range:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x0p0:20:3", "0:20d:3", "0:Infinity:3"})
    void noiseRefusesAnythingButPlainDecimals(String text) {
        assertThatThrownBy(() -> Ranges.levels(text, "--noise", 8))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("noise"))
                .hasMessage("--noise expects FROM:TO:COUNT with numbers such as 0:40:5 (plain decimals), got '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lr=0.01:0.3:30           | 30
            lr=1e-3:1e-1:3           | 3
            """)
    void plainRangesStillRead(String text, int count) {
        assertThat(Ranges.axes(text, List.of(), "--vary", "--log").getFirst().count()).isEqualTo(count);
        assertThat(Ranges.levels("0:40:5", "--noise", 8).count()).isEqualTo(5);
    }

    @Test
    void batchSizesAreWholeNumbersInTheOrderGiven() {
        assertThat(Ranges.batchSizes("64, 1,16", "--batch-sizes", 8)).containsExactly(64, 1, 16);
        assertThat(Ranges.batchSizes("442", "batch-sizes", 8)).containsExactly(442);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1,x          | --batch-sizes expects whole numbers separated by commas, e.g. 1,4,16,64, got '1,x'
            1,,4         | --batch-sizes expects whole numbers separated by commas, e.g. 1,4,16,64, got '1,,4'
            4.0          | --batch-sizes expects whole numbers separated by commas, e.g. 1,4,16,64, got '4.0'
            -4           | --batch-sizes expects whole numbers separated by commas, e.g. 1,4,16,64, got '-4'
            1e2          | --batch-sizes expects whole numbers separated by commas, e.g. 1,4,16,64, got '1e2'
            99999999999  | --batch-sizes: 99999999999 is too large for a batch size
            1,2,3,4      | --batch-sizes takes 1 to 3 batch sizes, got 4
            """)
    void batchSizesRefuseAnythingElseNamingTheField(String text, String message) {
        assertThatThrownBy(() -> Ranges.batchSizes(text, "--batch-sizes", 3))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("batch-sizes"))
                .hasMessage(message);
    }
}
