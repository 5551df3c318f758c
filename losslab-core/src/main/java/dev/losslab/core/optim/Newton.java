package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
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
 * {@link Stepper#step} marks the point stuck.
 *
 * <p>Step mode ({@link Stepper#describe}), for the last step taken: {@code newtonStep} = H⁻¹∇f
 * (with |H| when saddle-free: the step before lr); {@code eigenvalues} = (λ₁, λ₂) of ∇²f itself,
 * descending; {@code eigenvector1}, {@code eigenvector2} their unit eigenvectors.
 *
 * @param saddleFree use |H| instead of H
 */
public record Newton(boolean saddleFree) implements Optimizer {

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        if (dimension != 2) {
            throw new InvalidInputException("optimizer", (saddleFree ? "saddle-free-newton" : "newton")
                    + " solves a 2×2 system per point and needs a 2-D surface, got " + dimension + " dimensions");
        }
        return new State(capacity);
    }

    /**
     * The Hessians of the batch, and each point's last step and Hessian for step mode. Allocates a few
     * small records per point and step: Newton is not a hot path, and {@link Sym2}'s closed forms
     * stay the one place its 2×2 algebra is written.
     */
    private final class State extends Stepper {
        private final double[] hessians;
        /** H⁻¹∇f of the last step, and the Hessian it used (before |·|), per point. */
        private final double[] direction;
        private final double[] lastHessian;
        private boolean stepped;

        State(int capacity) {
            super(2, capacity);
            hessians = new double[3 * capacity];
            direction = buffer(2);
            lastHessian = buffer(3);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            stepped = true;
            surface.hessian(theta, n, hessians);
            int stuckCount = 0;
            for (int i = 0; i < n; i++) {
                Sym2 hessian = new Sym2(hessians[i], hessians[n + i], hessians[2 * n + i]);
                lastHessian[i] = hessian.xx();
                lastHessian[n + i] = hessian.xy();
                lastHessian[2 * n + i] = hessian.yy();
                if (saddleFree) {
                    hessian = hessian.absolute();
                }
                Vec2 d = hessian.solve(new Vec2(gradient[i], gradient[n + i]));
                if (d == null) {
                    stuck[i] = true;
                    stuckCount++;
                    continue;
                }
                direction[i] = d.x();
                direction[n + i] = d.y();
                theta[i] -= lr * d.x();
                theta[n + i] -= lr * d.y();
            }
            return stuckCount;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            if (!stepped) {
                return;
            }
            sink.vector("newtonStep", direction[i], direction[n + i]);
            Sym2.Eigen eigen = new Sym2(lastHessian[i], lastHessian[n + i], lastHessian[2 * n + i]).eigen();
            sink.vector("eigenvalues", eigen.first(), eigen.second());
            sink.vector("eigenvector1", eigen.firstVector().x(), eigen.firstVector().y());
            sink.vector("eigenvector2", eigen.secondVector().x(), eigen.secondVector().y());
        }
    }
}
