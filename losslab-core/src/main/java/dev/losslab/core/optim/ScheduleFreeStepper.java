package dev.losslab.core.optim;

/**
 * What the schedule-free rules ({@link ScheduleFreeAdamW}, {@link ScheduleFreeSgd}) share (Defazio
 * et al. 2024, "The Road Less Scheduled"; facebookresearch/schedule_free, schedulefree 1.3): three
 * sequences instead of a momentum buffer, and a warm-up and averaging weights in place of a
 * schedule. With d_t the base rule's step direction at y (the gradient for SGD, Adam's normalised
 * gradient for AdamW) and step t = 1, 2, …:
 * <pre>
 *   γ_t = lr·min(t, W)/W   (W = warmup steps; γ_t = lr when W = 0)
 *   γ_max ← max(γ_max, γ_t);  w_t = t^r · γ_max^p;  c_t = w_t / (w_1 + … + w_t)   (0 when the sum is 0)
 *   z ← z − γ_t·(d_t + λ·y)                 (weight decay λ taken at y)
 *   x ← (1 − c_t)·x + c_t·z                 (the weighted average of the z's: the point reported)
 *   y ← β·x + (1 − β)·z                     (where the next gradient is taken)
 * </pre>
 * from x₀ = y₀ = z₀ = θ₀. θ is x: the engine records, draws and stops on x, and takes ∇f at y
 * ({@link #gradientPoints}). The authors' code keeps y and z and recovers x only when asked
 * ({@code eval()}: x = y + (1 − 1/β)·(z − y)); keeping x and y explicit, as their
 * {@code AdamWScheduleFreeReference} does, gives the same numbers up to rounding without dividing
 * by β. lr is the schedule's at each step, as the authors read {@code group['lr']} at each step.
 * β is not cycled by a momentum-cycling schedule ({@link Optimizer#cycledMomentum} is NONE): it
 * weighs two points rather than decaying a buffer, and the authors' y update (unlike their
 * reference form's) assumes it fixed, so a cycled β would have no one answer to follow.
 *
 * <p>Step mode ({@link #describe}): {@code gradientPoint} = y, where the step's gradient was taken,
 * and {@code z}, the base rule's own iterate.
 */
abstract class ScheduleFreeStepper extends Stepper {

    /** y (where ∇f is taken) and z (the base rule's iterate), per point. */
    final double[] gradientPoint;
    final double[] z;
    private final double beta;
    private final double warmupSteps;
    private final double r;
    private final double weightLrPower;
    /** γ_max (−1 before the first step, as the authors start it) and w_1 + … + w_t, shared by the batch. */
    private double lrMax = -1;
    private double weightSum;
    private boolean started;

    ScheduleFreeStepper(int dimension, int capacity, double beta, double warmupSteps, double r, double weightLrPower) {
        super(dimension, capacity);
        this.beta = beta;
        this.warmupSteps = warmupSteps;
        this.r = r;
        this.weightLrPower = weightLrPower;
        gradientPoint = buffer(dimension);
        z = buffer(dimension);
    }

    /** γ_t: lr warmed up linearly over W steps, t = 1 on the first. */
    final double warmedUp(double lr, long step) {
        return step < warmupSteps ? lr * (step / warmupSteps) : lr;
    }

    /** c_t for this step's γ_t, advancing the weights' running maximum and sum. */
    final double averagingWeight(double lrT, long step) {
        lrMax = Math.max(lrT, lrMax);
        double weight = Math.pow(step, r) * Math.pow(lrMax, weightLrPower);
        weightSum += weight;
        // The authors catch the 0/0 of a first step at lr 0 (a schedule can give it) as c = 0.
        return weightSum == 0 ? 0 : weight / weightSum;
    }

    /** z₀ = y₀ = θ₀ for the first n points, before the first step. */
    final void startFrom(double[] theta, int n) {
        if (started) {
            return;
        }
        started = true;
        int size = n * dimension;
        System.arraycopy(theta, 0, z, 0, size);
        System.arraycopy(theta, 0, gradientPoint, 0, size);
    }

    /**
     * The step of coordinate j with this step's base direction d (weight decay not yet added):
     * z, then θ = x, then y.
     */
    final void move(double[] theta, int j, double direction, double lrT, double c, double weightDecay) {
        double zj = z[j] - lrT * (direction + weightDecay * gradientPoint[j]);
        double x = (1 - c) * theta[j] + c * zj;
        z[j] = zj;
        theta[j] = x;
        gradientPoint[j] = beta * x + (1 - beta) * zj;
    }

    @Override
    public final double[] gradientPoints() {
        return gradientPoint;
    }

    @Override
    public void describe(int i, int n, InternalsSink sink) {
        sink.vector("gradientPoint", gradientPoint[i], gradientPoint[n + i]);
        sink.vector("z", z[i], z[n + i]);
    }
}
