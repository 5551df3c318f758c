package dev.losslab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tridiagonal bisection, Householder reduction and Lanczos against matrices whose eigenvalues are known by construction. */
class EigenvaluesTest {

    @Test
    void theSecondDifferenceMatrixHasItsClosedFormEigenvalues() {
        // tridiag(−1, 2, −1) of size n: λ_k = 2 − 2·cos(kπ/(n + 1)), k = 1 … n.
        int n = 50;
        double[] d = new double[n];
        double[] e = new double[n - 1];
        Arrays.fill(d, 2);
        Arrays.fill(e, -1);
        double[] values = Tridiagonal.eigenvalues(d, e, n);
        for (int k = 1; k <= n; k++) {
            assertThat(values[k - 1]).isCloseTo(2 - 2 * Math.cos(k * Math.PI / (n + 1)), within(1e-14));
        }
        assertThat(Tridiagonal.countBelow(d, e, n, 2)).isEqualTo(n / 2);
        // Its eigenvectors are sin(jkπ/(n + 1)), up to sign.
        double[] v = Tridiagonal.eigenvector(d, e, n, values[0]);
        double scale = v[0] / Math.sin(Math.PI / (n + 1));
        for (int j = 0; j < n; j++) {
            assertThat(v[j]).isCloseTo(scale * Math.sin((j + 1) * Math.PI / (n + 1)), within(1e-12));
        }
    }

    /** Q·diag(λ)·Qᵀ with Q a product of random Householder reflections: eigenvalues λ, by construction. */
    static double[] withEigenvalues(double[] lambda, long seed) {
        int n = lambda.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = lambda[i];
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < 3; r++) {
            double[] u = random.doubles(n, -1, 1).toArray();
            double length = Math.sqrt(Arrays.stream(u).map(x -> x * x).sum());
            for (int i = 0; i < n; i++) {
                u[i] /= length;
            }
            // A ← (I − 2uuᵀ)·A·(I − 2uuᵀ), written out.
            double[] au = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    au[i] += a[i * n + j] * u[j];
                }
            }
            double uau = 0;
            for (int i = 0; i < n; i++) {
                uau += u[i] * au[i];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] += -2 * u[i] * au[j] - 2 * au[i] * u[j] + 4 * uau * u[i] * u[j];
                }
            }
        }
        return a;
    }

    @Test
    void householderAndBisectionFindEveryEigenvalueOfADenseMatrix() {
        int n = 60;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = (i - 20) * 0.37 + (i % 7 == 0 ? 1e-3 : 0);
        }
        lambda[10] = lambda[11]; // a double eigenvalue
        double[] a = withEigenvalues(lambda, 5);
        double[] found = SymmetricEigenvalues.of(a, n);
        double[] expected = lambda.clone();
        Arrays.sort(expected);
        for (int i = 0; i < n; i++) {
            assertThat(found[i]).as("λ%d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void lanczosFindsTheLargestEigenvaluesFromProductsAlone() {
        int n = 200;
        double[] lambda = new double[n];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            lambda[i] = random.nextDouble(-3, 5);
        }
        lambda[0] = 9;
        lambda[1] = 7.5;
        lambda[2] = -8; // larger in size than all but the top: Lanczos must not report it
        double[] a = withEigenvalues(lambda, 4);
        Lanczos.Operator times = (v, out) -> {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * v[j];
                }
                out[i] = s;
            }
        };
        double[] start = random.doubles(n, -1, 1).toArray();
        Lanczos.Result r = Lanczos.largest(times, n, 2, start, 200, 1e-10);
        assertThat(r.converged()).isTrue();
        assertThat(r.values()[0]).isCloseTo(9, within(1e-9));
        assertThat(r.values()[1]).isCloseTo(7.5, within(1e-9));
        assertThat(r.iterations()).isLessThan(n);
        // The Ritz vector is an eigenvector: ‖A·y − 9·y‖ small.
        double[] ay = new double[n];
        times.times(r.vectors()[0], ay);
        double residual = 0;
        for (int i = 0; i < n; i++) {
            residual += Math.pow(ay[i] - r.top() * r.vectors()[0][i], 2);
        }
        assertThat(Math.sqrt(residual)).isLessThan(1e-8);
    }

    @Test
    void aTopEigenvalueNotYetPinnedDownIsReportedAsUnknown() {
        // diag(1, 2, …, 1000): a Ritz value after 3 products is a Rayleigh quotient, well below 1000
        int n = 1000;
        Lanczos.Operator diagonal = (v, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = (i + 1) * v[i];
            }
        };
        double[] start = new SplittableRandom(3).doubles(n, -1, 1).toArray();
        Lanczos.Result early = Lanczos.largest(diagonal, n, 1, start, 3, 1e-9);
        assertThat(early.converged()).isFalse();
        assertThat(early.top()).isLessThan(1000 - 1);
        assertThat(early.topWithin(1e-6)).isNaN();
        Lanczos.Result done = Lanczos.largest(diagonal, n, 1, start, n, 1e-9);
        assertThat(done.topWithin(1e-6)).isCloseTo(1000, within(1e-6));
    }

    @Test
    void lanczosOnASmallSpaceEndsExactlyWhenItIsExhausted() {
        // diag(1, 2, 3): three products span everything; β₃ = 0 and the answer is exact.
        Lanczos.Operator times = (v, out) -> {
            for (int i = 0; i < 3; i++) {
                out[i] = (i + 1) * v[i];
            }
        };
        Lanczos.Result r = Lanczos.largest(times, 3, 3, new double[] {1, 1, 1}, 50, 1e-14);
        assertThat(r.converged()).isTrue();
        assertThat(r.values()[0]).isCloseTo(3, within(1e-14));
        assertThat(r.values()[1]).isCloseTo(2, within(1e-14));
        assertThat(r.values()[2]).isCloseTo(1, within(1e-14));
        assertThat(r.iterations()).isEqualTo(3);
        // diag(2, 2, 5): one start vector sees the double eigenvalue once, so the space is exhausted
        // after two products and asking for three gives the two distinct ones.
        Lanczos.Operator doubled = (v, out) -> {
            out[0] = 2 * v[0];
            out[1] = 2 * v[1];
            out[2] = 5 * v[2];
        };
        Lanczos.Result two = Lanczos.largest(doubled, 3, 3, new double[] {1, 1, 1}, 50, 1e-14);
        assertThat(two.values()).hasSize(2);
        assertThat(two.values()[0]).isCloseTo(5, within(1e-14));
        assertThat(two.values()[1]).isCloseTo(2, within(1e-14));
        assertThat(two.vectors().length).isEqualTo(2);
    }

    @Test
    void choleskySolvesPositiveDefiniteSystemsAndRefusesOthers() {
        // [[4, 2], [2, 3]]·x = (2, 1): x = (3·2 − 2·1, 4·1 − 2·2)/(12 − 4) = (1/2, 0).
        assertThat(Cholesky.solve(new double[] {4, 2, 2, 3}, 2, new double[] {2, 1})).containsExactly(0.5, 0.0);
        assertThat(Cholesky.solve(new double[] {1, 2, 2, 1}, 2, new double[] {1, 1})).as("eigenvalues 3 and −1").isNull();
    }
}
