package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@link Architecture}: the words the CLI and the web both read a network from, and what each refuses. */
class ArchitectureTest {

    @Test
    void blankWordsTakeTheDefaultsAndWordsTheirMeaning() {
        Architecture none = Architecture.parse(null, " ", null, "");
        assertThat(none.model()).isEqualTo(ModelKind.MLP);
        assertThat(none.hidden()).isNull();
        assertThat(none.activation()).isEqualTo(Activation.TANH);
        assertThat(none.loss()).isNull();
        Architecture given = Architecture.parse("mlp", "32, 8", "gelu", "mse");
        assertThat(given.hidden()).containsExactly(32, 8);
        assertThat(given.activation()).isEqualTo(Activation.GELU);
        assertThat(given.loss()).isEqualTo(Loss.MSE);
    }

    @Test
    void eachBadWordNamesItsField() {
        assertThatThrownBy(() -> Architecture.parse("cnn", null, null, null)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "model");
        assertThatThrownBy(() -> Architecture.parse(null, "16,0", null, null)).hasMessageContaining("hidden takes widths from 1 to 4096")
                .hasFieldOrPropertyWithValue("field", "hidden");
        assertThatThrownBy(() -> Architecture.widths("4097", "--hidden")).hasMessageStartingWith("--hidden takes widths");
        assertThatThrownBy(() -> Architecture.parse(null, null, "swish", null)).hasFieldOrPropertyWithValue("field", "activation");
        assertThatThrownBy(() -> Architecture.parse(null, null, null, "hinge")).hasFieldOrPropertyWithValue("field", "loss");
    }
}
