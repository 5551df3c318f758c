package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * A stepper for a method that evaluates the surface itself (a line search, Nelder–Mead's simplex):
 * it steps each point on its own, in order, reading its D coordinates at stride n, and may stop a
 * point ({@link Halt}). It counts the evaluations each point's step spent, for the engine
 * ({@link Stepper#functionEvaluations}).
 */
abstract class EvaluatingStepper extends Stepper {

    private final Halt[] halts;
    private final int[] functionEvaluations;
    private final int[] gradientEvaluations;
    private double[] ownLoss;
    private double[] ownGradient;

    EvaluatingStepper(int dimension, int capacity) {
        super(dimension, capacity);
        halts = new Halt[capacity];
        functionEvaluations = new int[capacity];
        gradientEvaluations = new int[capacity];
    }

    /**
     * One step of live point i of n from f(θ) = {@code loss}: updates its coordinates in theta in
     * place, or returns why it stops there (leaving them as they were), else null. Reports what it
     * spent through {@link #spent}.
     */
    abstract Halt stepPoint(int i, int n, double[] theta, double loss, double[] gradient, double lr, long step,
            Surface surface);

    /** Point i's step spent these evaluations beyond the engine's own (see {@link Stepper#functionEvaluations}). */
    final void spent(int i, int functions, int gradients) {
        functionEvaluations[i] = functions;
        gradientEvaluations[i] = gradients;
    }

    @Override
    public final int step(double[] theta, double[] loss, double[] gradient, int n, double lr, long step,
            Surface surface, boolean[] stuck) {
        int stuckCount = 0;
        for (int i = 0; i < n; i++) {
            spent(i, 0, 0);
            Halt halt = stepPoint(i, n, theta, loss[i], gradient, lr, step, surface);
            halts[i] = halt;
            if (halt != null) {
                stuck[i] = true;
                stuckCount++;
            }
        }
        return stuckCount;
    }

    /**
     * Without f, as a caller other than the engine may step: f is evaluated here first (not
     * counted: the engine never comes this way).
     */
    @Override
    public final int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
            boolean[] stuck) {
        if (ownLoss == null) {
            ownLoss = new double[capacity];
            ownGradient = new double[dimension * capacity];
        }
        surface.valueAndGradient(theta, n, ownLoss, ownGradient);
        return step(theta, ownLoss, gradient, n, lr, step, surface, stuck);
    }

    @Override
    public final Halt halt(int i) {
        return halts[i];
    }

    @Override
    public final boolean countsEvaluations() {
        return true;
    }

    @Override
    public final int functionEvaluations(int i) {
        return functionEvaluations[i];
    }

    @Override
    public final int gradientEvaluations(int i) {
        return gradientEvaluations[i];
    }

    /** Point i's D values of a batch-layout array (width D) into {@code to}. */
    final void gather(double[] from, int i, int n, double[] to) {
        for (int d = 0; d < dimension; d++) {
            to[d] = from[d * n + i];
        }
    }

    /** {@code from}'s D values into point i of a batch-layout array (width D). */
    final void scatter(double[] from, double[] to, int i, int n) {
        for (int d = 0; d < dimension; d++) {
            to[d * n + i] = from[d];
        }
    }
}
