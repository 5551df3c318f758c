package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;

/**
 * Damped Newton's method, and its saddle-free variant (Dauphin et al. 2014, "Identifying and
 * attacking the saddle point problem in high-dimensional non-convex optimization"). Not in
 * {@code torch.optim}: LossLab's own, checked against hand-worked steps and theory.
 * <pre>
 *   H ← ∇²f(θ)                      newton
 *   H ← |∇²f(θ)|                    saddle-free-newton: H's eigenvalues replaced by their absolute values
 *   θ ← θ − lr·H⁻¹∇f(θ)             (lr: the damping, 1 for a full step)
 * </pre>
 * On a quadratic with positive curvature a full Newton step lands on the minimum. Plain Newton is
 * drawn to any critical point, saddles included (H⁻¹ flips the step along negative curvature);
 * |H| keeps the step's scaling but always goes downhill, so saddle-free Newton escapes saddles.
 * When H (or |H|) is singular, by {@link Sym2#solve}'s test, the step is undefined and
 * {@link Stepper#step} returns false.
 *
 * <p>Step mode ({@link Stepper#describe}), for the last step taken: {@code newtonStep} = H⁻¹∇f
 * (with |H| when saddle-free: the step before lr); {@code eigenvalues} = (λ₁, λ₂) of ∇²f itself,
 * descending; {@code eigenvector1}, {@code eigenvector2} their unit eigenvectors.
 *
 * @param saddleFree use |H| instead of H
 */
public record Newton(boolean saddleFree) implements Optimizer {

    @Override
    public Stepper newStepper() {
        return new State();
    }

    /** Stateless between steps; allocates a few small records per step (Newton is not a hot path). */
    private final class State implements Stepper {
        private Sym2 lastHessian;
        private double directionX, directionY;

        @Override
        public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
            Sym2 hessian = surface.hessian(theta[0], theta[1]);
            lastHessian = hessian;
            if (saddleFree) {
                hessian = hessian.absolute();
            }
            Vec2 direction = hessian.solve(new Vec2(gradient[0], gradient[1]));
            if (direction == null) {
                return false;
            }
            directionX = direction.x();
            directionY = direction.y();
            theta[0] -= lr * directionX;
            theta[1] -= lr * directionY;
            return true;
        }

        @Override
        public void describe(InternalsSink sink) {
            if (lastHessian == null) {
                return;
            }
            sink.vector("newtonStep", directionX, directionY);
            Sym2.Eigen eigen = lastHessian.eigen();
            sink.vector("eigenvalues", eigen.first(), eigen.second());
            sink.vector("eigenvector1", eigen.firstVector().x(), eigen.firstVector().y());
            sink.vector("eigenvector2", eigen.secondVector().x(), eigen.secondVector().y());
        }
    }
}
