package dev.losslab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "+2", "-0", "0.01", ".5", "5.", "1e-3", "1E3", "1.0E-5", "-2.5e+10", "007",
            "6.02214076e23", "123456789012345678901234567890"})
    void readsNumbersAsJavaAndPythonPrintThem(String text) {
        assertThat(PlainDecimal.is(text)).isTrue();
        assertThat(PlainDecimal.parse(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "e3", ".e3", "1e", "1e+", "1.2.3", "--1", "+-1", "1 ", " 1", "1,5",
            "NaN", "nan", "Infinity", "-inf", "0x1p-4", "1d", "2f", "1_000", "١", "1e3.5"})
    void refusesEverythingElse(String text) {
        assertThat(PlainDecimal.is(text)).isFalse();
        assertThatThrownBy(() -> PlainDecimal.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void overflowIsANumberThatParsesToInfinity() {
        assertThat(PlainDecimal.parse("1e999")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PlainDecimal.parse("-0")).isEqualTo(-0.0);
    }

    /** The hand-written scanner agrees with the regular expression it replaced, on every short string. */
    @Test
    void agreesWithTheRegexOnEveryStringOfUpToFiveCharacters() {
        Pattern plain = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
        List<String> strings = new ArrayList<>(List.of(""));
        int checked = 0;
        for (int length = 1; length <= 5; length++) {
            List<String> longer = new ArrayList<>();
            for (String s : strings) {
                for (char c : "1.eE+-x".toCharArray()) {
                    String t = s + c;
                    longer.add(t);
                    assertThat(PlainDecimal.is(t)).as(t).isEqualTo(plain.matcher(t).matches());
                    checked++;
                }
            }
            strings = longer;
        }
        assertThat(checked).isEqualTo(7 + 49 + 343 + 2401 + 16807);
    }
}
