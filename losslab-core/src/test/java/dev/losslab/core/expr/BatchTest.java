package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.lang.classfile.ClassFile;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch methods of compiled and interpreted formulas: each point of a batch gets, bit for bit,
 * the f, ∇f and ∇²f of a batch of one at that point, of the one-point methods, and of the
 * interpreter running the same program. "Bit for bit" is {@link Double#doubleToLongBits}: −0.0 and
 * +0.0 differ, every NaN is the same NaN.
 */
class BatchTest {

    /** Points per batch: not a multiple of any vector width, so a vectorised loop has a tail. */
    private static final int N = 41;

    /** Formulas beyond the catalog: every function, kinks on their ties, integer powers. */
    private static final String[] FORMULAS = {
            "sin(x) + cos(y) + tan(x*y)",
            "asin(x/9) + acos(y/9) + atan(x*y) + atan2(y, x) + atan2(x, y - 5)",
            "sinh(x) + cosh(y) + tanh(x*y)",
            "exp(x - y) + log(x) + log10(y) + sqrt(x*y) + sqrt(x^2 + y^2)",
            "sigmoid(x*y) + softplus(x - 2*y) + sigmoid(-40*x) + softplus(40*y)",
            "pow(x, y) + x^y + pow(x, 0.5) + 2^x + y^x + e^x*pi",
            "abs(x) + abs(-y) + abs(x - y) + min(x, y) + max(x, y) + min(y, x)*max(2*y, 2*x)",
            "min(x*y, x + y) - max(abs(x), abs(y)) + abs(min(x, 0)) + max(x, -0*y)",
            "x^2 + y^3 - x^-2 + (x*y)^7 + y^64 - x^-64 + (x - y)^-3 + x^0 + y^65 + (x + 1)^1",
            "-(-x)*(-y) + 2^-x - pi*e",
            "x", "y", "0", "-0*x", "1.5", "x*y",
    };

    static Stream<Arguments> formulas() {
        Stream<Arguments> catalog = Catalog.all().stream()
                .map(l -> Arguments.of(Named.of(l.name(), l.formula()), true));
        Stream<Arguments> more = Arrays.stream(FORMULAS).map(f -> Arguments.of(Named.of(f, f), true));
        Stream<Arguments> interpreted = Stream.of(Arguments.of(
                Named.of("sum of 200 cosines (interpreted)", CompilerTest.cosines(200)), false));
        return Stream.concat(Stream.concat(catalog, more), interpreted);
    }

    /**
     * N points, dimension-major: ties of abs, min and max (0, ±0.0, x = y, x = −y, x = 2y), integer
     * points, then seeded random ones, some in the first quadrant where log and sqrt are defined.
     */
    static double[] points() {
        double[][] special = {{0, 0}, {-0.0, 0.0}, {0.0, -0.0}, {1, 1}, {2, 2}, {-1.5, -1.5}, {0, 2}, {3, 0},
                {-2, 2}, {1, -1}, {2, 1}, {-4, -2}, {1, 0.5}, {0.3, -0.7}, {1.7, 2.1}};
        SplittableRandom random = new SplittableRandom(41);
        double[] p = new double[2 * N];
        for (int i = 0; i < N; i++) {
            double x;
            double y;
            if (i < special.length) {
                x = special[i][0];
                y = special[i][1];
            } else if (i % 2 == 0) {
                x = random.nextDouble(0.05, 4);
                y = random.nextDouble(0.05, 4);
            } else {
                x = random.nextDouble(-5, 5);
                y = random.nextDouble(-5, 5);
            }
            p[i] = x;
            p[N + i] = y;
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void eachPointOfABatchIsABatchOfOneTheOnePointMethodsAndTheInterpreter(String text, boolean compiles) {
        Program program = Program.of(Formula.parse(text, "surface").expression());
        Surface s = BytecodeCompiler.compile(program, text);
        assertThat(s).isInstanceOf(compiles ? CompiledSurface.class : InterpretedSurface.class);
        if (compiles) {
            assertThat(ClassFile.of().verify(BytecodeCompiler.classBytes(program, program.schedule(program.value()),
                    program.schedule(program.value(), program.gradX(), program.gradY()),
                    program.schedule(program.hessXX(), program.hessXY(), program.hessYY())))).isEmpty();
        }
        Surface interpreted = new InterpretedSurface(program, text);
        double[] p = points();
        Batch batch = Batch.of(s, p, N);
        Batch interpretedBatch = Batch.of(interpreted, p, N);
        for (int i = 0; i < N; i++) {
            double x = p[i];
            double y = p[N + i];
            String at = "%s at (%s, %s)".formatted(text, x, y);
            Batch one = Batch.of(s, new double[] {x, y}, 1);
            assertPoint(batch, i, one, 0, at + ", batch of one");
            assertPoint(batch, i, interpretedBatch, i, at + ", interpreted batch");
            assertPoint(batch, i, Batch.ofOnePoint(s, x, y), 0, at + ", one-point methods");
            assertPoint(batch, i, Batch.ofOnePoint(interpreted, x, y), 0, at + ", interpreted one-point methods");
            assertSame(s.value(x, y), batch.f[i], at + ", value(x, y)");
            assertSame(interpreted.value(x, y), batch.f[i], at + ", interpreted value(x, y)");
        }
    }

    /**
     * A batch of n reads p[i] and p[n + i] however long p is, and writes f[0, n), g[0, 2n) and
     * h[0, 3n): entries beyond are left as they were.
     */
    @ParameterizedTest
    @MethodSource("formulas")
    void aBatchShorterThanItsArraysTouchesOnlyItsOwnEntries(String text) {
        Surface s = Formula.parse(text, "surface").compile();
        double[] all = points();
        int n = 37;
        int spare = 5;
        double sentinel = -1234.5;
        double[] p = new double[2 * n + spare];
        Arrays.fill(p, Double.NaN);
        System.arraycopy(all, 0, p, 0, n);
        System.arraycopy(all, N, p, n, n);
        double[] f = filled(n + spare, sentinel);
        double[] g = filled(2 * n + spare, sentinel);
        double[] h = filled(3 * n + spare, sentinel);
        s.valueAndGradient(p, n, f, g);
        s.hessian(p, n, h);
        Batch whole = Batch.of(s, all, N);
        for (int i = 0; i < n; i++) {
            assertPoint(new Batch(n, f, g, h), i, whole, i, text + ", point " + i + " of " + n);
        }
        assertThat(Arrays.copyOfRange(f, n, f.length)).containsOnly(sentinel);
        assertThat(Arrays.copyOfRange(g, 2 * n, g.length)).containsOnly(sentinel);
        assertThat(Arrays.copyOfRange(h, 3 * n, h.length)).containsOnly(sentinel);
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void anEmptyBatchWritesNothing(String text) {
        Surface s = Formula.parse(text, "surface").compile();
        double[] f = filled(3, 7.0);
        double[] g = filled(6, 7.0);
        double[] h = filled(9, 7.0);
        s.valueAndGradient(new double[] {1, 2, 3, 4, 5, 6}, 0, f, g);
        s.hessian(new double[] {1, 2, 3, 4, 5, 6}, 0, h);
        assertThat(f).containsOnly(7.0);
        assertThat(g).containsOnly(7.0);
        assertThat(h).containsOnly(7.0);
        double[] none = new double[0];
        s.valueAndGradient(none, 0, none, none);
        s.hessian(none, 0, none);
    }

    /**
     * Once the JIT has compiled (and perhaps vectorised) a batch loop, it still gives the
     * interpreter's bits. Only catalog formulas of pure arithmetic: IEEE fixes those results on
     * every platform, while Math's transcendental functions may differ by an ulp between
     * implementations.
     */
    @Test
    void batchesCompiledByTheJitGiveTheSameBits() {
        double[] p = Arrays.copyOf(points(), 2 * N);
        for (Landscape l : Catalog.all()) {
            if (l.formula().matches(".*[a-wz].*")) {
                continue; // a function call or a named constant
            }
            Surface s = Formula.parse(l.formula(), "surface").compile();
            Batch cold = Batch.of(s, p, N);
            Batch warm = cold;
            for (int k = 0; k < 3000; k++) {
                warm = Batch.of(s, p, N);
            }
            for (int i = 0; i < N; i++) {
                assertPoint(warm, i, cold, i, l.name() + " at point " + i);
            }
        }
    }

    /** The outputs of one batch: f, g and h in the batch layout for n points. */
    private record Batch(int n, double[] f, double[] g, double[] h) {

        static Batch of(Surface s, double[] p, int n) {
            Batch b = new Batch(n, new double[n], new double[2 * n], new double[3 * n]);
            s.valueAndGradient(p, n, b.f, b.g);
            s.hessian(p, n, b.h);
            return b;
        }

        /** A batch of one from {@code valueAndGradient(x, y, g)} and {@code hessian(x, y)}. */
        static Batch ofOnePoint(Surface s, double x, double y) {
            double[] g = new double[2];
            double f = s.valueAndGradient(x, y, g);
            Sym2 h = s.hessian(x, y);
            return new Batch(1, new double[] {f}, g, new double[] {h.xx(), h.xy(), h.yy()});
        }
    }

    private static void assertPoint(Batch actual, int i, Batch expected, int j, String what) {
        int n = actual.n;
        int m = expected.n;
        assertSame(actual.f[i], expected.f[j], what + ": f");
        assertSame(actual.g[i], expected.g[j], what + ": f_x");
        assertSame(actual.g[n + i], expected.g[m + j], what + ": f_y");
        assertSame(actual.h[i], expected.h[j], what + ": f_xx");
        assertSame(actual.h[n + i], expected.h[m + j], what + ": f_xy");
        assertSame(actual.h[2 * n + i], expected.h[2 * m + j], what + ": f_yy");
    }

    private static void assertSame(double actual, double expected, String what) {
        assertThat(Double.doubleToLongBits(actual)).as("%s: %s, expected %s", what, actual, expected)
                .isEqualTo(Double.doubleToLongBits(expected));
    }

    private static double[] filled(int length, double value) {
        double[] a = new double[length];
        Arrays.fill(a, value);
        return a;
    }
}
