package dev.losslab.app.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every registry optimizer has a MathML entry, and each entry is for a registry optimizer,
 * well-formed, and uses the registry text's symbols.
 */
class OptimizerMathMlTest {

    @org.junit.jupiter.api.Test
    void everyRegistryOptimizerHasMathMl() {
        Set<String> missing = new TreeSet<>(Optimizers.names());
        missing.removeAll(OptimizerMathMl.names());
        assertThat(missing).as("optimizers without MathML in OptimizerMathMl (the page would show their plain text)")
                .isEmpty();
    }

    static java.util.List<String> written() {
        return java.util.List.copyOf(new TreeSet<>(OptimizerMathMl.names()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void everyEntryIsWellFormedBlockMathMlWithItsOptimizersSymbols(String name) throws Exception {
        OptimizerKind kind = Optimizers.find(name).orElseThrow(
                () -> new AssertionError("MathML for " + name + ", which is not in the registry"));
        String mathml = OptimizerMathMl.of(name).orElseThrow();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(mathml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("math");
        assertThat(doc.getDocumentElement().getAttribute("display")).isEqualTo("block");
        String text = doc.getDocumentElement().getTextContent();
        // Every symbol of the rule's main text, and none the text does not name: a note may be
        // typeset too where it defines a symbol (RAdam's ρ∞, schedule-free's γ and c).
        assertThat(symbols(text)).as("symbols of the MathML vs the registry's rule for " + kind.name())
                .containsAll(symbols(mainRule(kind.updateRule())))
                .isSubsetOf(symbols(kind.updateRule()));
        assertThat(text).contains("θ", "←", "lr");
    }

    /** The rule without its parenthesised notes ("  (centered: …)", "  (b₁ = ∇f(θ₀))"). */
    static String mainRule(String rule) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (depth == 0 && rule.startsWith("  (", i)) {
                depth = 1;
                i += 2;
                continue;
            }
            if (depth > 0) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                continue;
            }
            kept.append(c);
        }
        return kept.toString();
    }

    /** Greek letters and ∇: the symbols a reader matches between the two forms. */
    static Set<Character> symbols(String text) {
        Set<Character> found = new TreeSet<>();
        for (char c : text.toCharArray()) {
            if ((c >= 'α' && c <= 'ω') || (c >= 'Α' && c <= 'Ω') || c == '∇') {
                found.add(c);
            }
        }
        return found;
    }

    @org.junit.jupiter.api.Test
    void noteStrippingKeepsTheRuleAndDropsTheNotes() {
        assertThat(mainRule("v ← α·v;  θ ← θ − lr·g  (centered: √(v − a²) with μ)")).isEqualTo("v ← α·v;  θ ← θ − lr·g");
        assertThat(symbols("θ ← θ − lr·∇f(θ)")).containsExactly('θ', '∇');
    }
}
