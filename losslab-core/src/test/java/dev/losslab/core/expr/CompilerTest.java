package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.lang.classfile.ClassFile;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bytecode compiler: verified class files, shared work, and the interpreter as its twin. */
class CompilerTest {

    private static final String ROSENBROCK = "(1 - x)^2 + 100*(y - x^2)^2";

    @ParameterizedTest
    @ValueSource(strings = {ROSENBROCK, "atan2(y, x) + min(x, y)*abs(x) - max(sigmoid(x), softplus(y))",
            "x^y + pow(x, 0.5) + log10(x) + asin(x/9) + acos(y/9) + tan(x)*tanh(y) + sinh(x)/cosh(y)",
            "-(-x)*(-y) + 2^-x - pi*e"})
    void generatedClassesPassTheVerifierAndMatchTheInterpreterBitForBit(String text) {
        Program p = Program.of(Formula.parse(text, "surface").expression());
        byte[] bytes = BytecodeCompiler.classBytes(p, p.schedule(p.value()), p.schedule(p.value(), p.gradX(), p.gradY()),
                p.schedule(p.hessXX(), p.hessXY(), p.hessYY()));
        assertThat(ClassFile.of().verify(bytes)).isEmpty();
        for (var method : ClassFile.of().parse(bytes).methods()) {
            int length = ((CodeAttribute) method.code().orElseThrow()).codeLength();
            assertThat(length).as(method.methodName().stringValue()).isLessThanOrEqualTo(BytecodeCompiler.MAX_METHOD_BYTES);
        }
        Surface compiled = BytecodeCompiler.compile(p, text);
        Surface interpreted = new InterpretedSurface(p, text);
        assertThat(compiled).isInstanceOf(CompiledSurface.class).hasToString(text);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble(0.1, 3);
            double y = random.nextDouble(-3, 3);
            double[] g1 = new double[2];
            double[] g2 = new double[2];
            assertThat(Double.valueOf(compiled.valueAndGradient(x, y, g1))).isEqualTo(interpreted.valueAndGradient(x, y, g2));
            assertThat(g1).isEqualTo(g2);
            assertThat(Double.valueOf(compiled.value(x, y))).isEqualTo(interpreted.value(x, y));
            assertThat(compiled.hessian(x, y)).isEqualTo(interpreted.hessian(x, y));
        }
    }

    @Test
    void codeLengthEstimateBoundsTheMethodTightly() {
        Program p = Program.of(Formula.parse(ROSENBROCK + " + sin(x*y)^3", "surface").expression());
        int[] gradient = p.schedule(p.value(), p.gradX(), p.gradY());
        byte[] bytes = BytecodeCompiler.classBytes(p, p.schedule(p.value()), gradient,
                p.schedule(p.hessXX(), p.hessXY(), p.hessYY()));
        var method = ClassFile.of().parse(bytes).methods().stream()
                .filter(m -> m.methodName().equalsString("valueAndGradient")).findFirst().orElseThrow();
        int length = ((CodeAttribute) method.code().orElseThrow()).codeLength();
        int estimate = BytecodeCompiler.codeLength(p.tape(), gradient, 6);
        // Exact for the straight-line part, plus 32 bytes reserved for the stores and returns.
        assertThat(estimate).isGreaterThanOrEqualTo(length).isLessThanOrEqualTo(length + 32);
    }

    /** Common subexpressions are computed once: Rosenbrock's value + gradient is a short program. */
    @Test
    void valueAndGradientShareWork() {
        Program p = Program.of(Formula.parse(ROSENBROCK, "surface").expression());
        int computed = 0;
        for (int node : p.schedule(p.value(), p.gradX(), p.gradY())) {
            Op op = p.tape().op(node);
            computed += op == Op.CONST || op == Op.X || op == Op.Y ? 0 : 1;
        }
        // f: 1 − x, (1 − x)², x², y − x², (y − x²)², 100·…, sum = 7; ∇f adds at most 10 more.
        assertThat(computed).isBetween(7, 17);
        Sym2 h = BytecodeCompiler.compile(p, ROSENBROCK).hessian(1, 1);
        assertThat(h).isEqualTo(new Sym2(802, -400, 200));
    }

    @Test
    void eachCompileDefinesAFreshHiddenClass() {
        Surface a = Formula.parse("x", "surface").compile();
        Surface b = Formula.parse("x", "surface").compile();
        assertThat(a.getClass()).isNotSameAs(b.getClass());
        assertThat(a.getClass().isHidden()).isTrue();
    }
}
