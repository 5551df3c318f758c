package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.lang.classfile.ClassFile;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * {@link BytecodeCompiler#codeLength} counts each generated method to the byte, loop and
     * stores included, so the fallback to the interpreter is decided on the real length. The sum
     * of 70 cosines needs more than 255 local slots (wide loads and stores).
     */
    @ParameterizedTest
    @ValueSource(strings = {ROSENBROCK + " + sin(x*y)^3", "x", "y", "0", "-0*x", "1 + x*2.5 - y/1",
            "atan2(y, x) + min(x, y)*abs(x) - max(sigmoid(x), softplus(y))", "x^y + pow(x, 0.5) + log10(x)",
            "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "70 cosines"})
    void codeLengthIsExactForEveryGeneratedMethod(String text) {
        Program p = Program.of(Formula.parse(text.equals("70 cosines") ? cosines(70) : text, "surface").expression());
        int[] value = p.schedule(p.value());
        int[] gradient = p.schedule(p.value(), p.gradX(), p.gradY());
        int[] hessian = p.schedule(p.hessXX(), p.hessXY(), p.hessYY());
        Map<String, Integer> lengths = methodLengths(BytecodeCompiler.classBytes(p, value, gradient, hessian));
        assertThat(lengths).hasSize(6);
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.VALUE, value))
                .isEqualTo(lengths.get("value(DD)D"));
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.POINT_GRADIENT, gradient))
                .isEqualTo(lengths.get("valueAndGradient(DD[D)D"));
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.POINT_HESSIAN, hessian))
                .isEqualTo(lengths.get("hessian(DD)Ldev/losslab/core/surface/Sym2;"));
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.GRADIENT, gradient))
                .isEqualTo(lengths.get("valueAndGradient([DI[D[D)V"));
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.HESSIAN, hessian))
                .isEqualTo(lengths.get("hessian([DI[D)V"));
        if (text.equals("70 cosines")) {
            assertThat(gradient.length).as("temporaries beyond slot 255").isGreaterThan(128);
        }
    }

    /**
     * What each method costs around the straight-line code, for f = x (no temporaries; outputs x, 1,
     * 0 and 0, 0, 0). The loops: the test, the loads of p[i] and p[n + i], the index arithmetic of
     * the three stores, iinc, goto and return.
     */
    @Test
    void theLoopAndItsStoresAreCounted() {
        Program p = Program.of(Formula.parse("x", "surface").expression());
        // dload_1, dreturn
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.VALUE, p.schedule(p.value()))).isEqualTo(2);
        // aload 5, iconst_0, dconst_1, dastore, aload 5, iconst_1, dconst_0, dastore, dload_1, dreturn
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.POINT_GRADIENT,
                p.schedule(p.value(), p.gradX(), p.gradY()))).isEqualTo(12);
        // new Sym2, dup, three dconst_0, invokespecial, areturn
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.POINT_HESSIAN,
                p.schedule(p.hessXX(), p.hessXY(), p.hessYY()))).isEqualTo(11);
        // 23 (i = 0, test, x and y) + 4 (f[i]) + 5 (g[i]) + 7 (g[n + i]) + 7 (iinc, goto, return) + dload x, dconst_1, dconst_0
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.GRADIENT,
                p.schedule(p.value(), p.gradX(), p.gradY()))).isEqualTo(46 + 4);
        // 23 + 4 (h[i]) + 6 (h[n + i]) + 8 (h[2n + i]) + 7 + three dconst_0
        assertThat(BytecodeCompiler.codeLength(p, BytecodeCompiler.Method.HESSIAN,
                p.schedule(p.hessXX(), p.hessXY(), p.hessYY()))).isEqualTo(48 + 3);
    }

    /**
     * Sums of more and more cosines: each compiles exactly while its longest method, as the class
     * file has it, fits {@link BytecodeCompiler#MAX_METHOD_BYTES}; the first that does not is
     * interpreted.
     */
    @Test
    void theInterpreterTakesOverAtTheFirstFormulaWhoseLongestMethodIsTooLong() {
        int terms = 1;
        while (longestMethod(cosines(terms)) <= BytecodeCompiler.MAX_METHOD_BYTES) {
            terms++;
        }
        assertThat(terms).isGreaterThan(20);
        String fits = cosines(terms - 1);
        String tooLong = cosines(terms);
        assertThat(longestMethod(fits)).isLessThanOrEqualTo(BytecodeCompiler.MAX_METHOD_BYTES);
        assertThat(Formula.parse(fits, "surface").compile()).isInstanceOf(CompiledSurface.class);
        assertThat(Formula.parse(tooLong, "surface").compile()).isInstanceOf(InterpretedSurface.class);
    }

    /** sin(x*y) + cos(1*x - y) + … + cos(k*x - y). */
    static String cosines(int k) {
        StringBuilder text = new StringBuilder("sin(x*y)");
        for (int j = 1; j <= k; j++) {
            text.append(" + cos(").append(j).append("*x - y)");
        }
        return text.toString();
    }

    /** The longest method generated for {@code text}, measured in the class file. */
    private static int longestMethod(String text) {
        Program p = Program.of(Formula.parse(text, "surface").expression());
        byte[] bytes = BytecodeCompiler.classBytes(p, p.schedule(p.value()), p.schedule(p.value(), p.gradX(), p.gradY()),
                p.schedule(p.hessXX(), p.hessXY(), p.hessYY()));
        return methodLengths(bytes).values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static Map<String, Integer> methodLengths(byte[] bytes) {
        Map<String, Integer> lengths = new HashMap<>();
        for (var method : ClassFile.of().parse(bytes).methods()) {
            lengths.put(method.methodName().stringValue() + method.methodType().stringValue(),
                    ((CodeAttribute) method.code().orElseThrow()).codeLength());
        }
        return lengths;
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
