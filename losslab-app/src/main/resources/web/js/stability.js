// The hint beside each racer's lr: which learning rates keep that optimizer stable at the start,
// from the Hessian's eigenvalues there (GET /api/analyze). Each bound is the optimizer's own, for
// the quadratic that matches f at the start (a mode of curvature λ, exact on a quadratic surface):
//   gradient descent   θ ← θ − lr·λθ                      stable for lr < 2/λmax
//   heavy ball (SGD momentum μ, dampening τ): θ_{k+1} = (1 + μ − a)·θ_k − μ·θ_{k−1},  a = lr·(1 − τ)·λ,
//                      roots inside the unit circle for 0 < a < 2(1 + μ): lr < 2(1 + μ)/((1 − τ)·λmax)
//   Nesterov (PyTorch's form, τ = 0): z² − (1 + μ)(1 − a)·z + μ(1 − a) = 0,  a = lr·λ,
//                      stable for 0 < a < 2(1 + μ)/(1 + 2μ): lr < 2(1 + μ)/((1 + 2μ)·λmax)
// Where the start curves down in some direction (λ < 0: a saddle or a maximum) no lr is stable: the
// steps along that direction grow, which is how a gradient method leaves. Adaptive methods rescale
// each coordinate's step, so no λ-bound applies to them; they step about lr per coordinate.

import { num } from './format.js';

/** The optimizers whose rule is plain gradient descent on the quadratic (noise and averaging aside). */
const GRADIENT_DESCENT = new Set(['gd', 'sgd', 'asgd']);
const HEAVY_BALL = new Set(['momentum']);
const NESTEROV = new Set(['nesterov']);

/**
 * @param {object} o          the optimizer's catalog entry (name, learningRateDefault, params)
 * @param {function(string): (number|undefined)} setting  a hyper-parameter as the card holds it
 * @param {number} lr         the lr typed on the card
 * @param {number[]|null} eigenvalues  the Hessian's eigenvalues at the start, descending, or null
 * @returns {{text: string, warn: boolean}}
 */
export function stabilityHint(o, setting, lr, eigenvalues) {
  if (o.learningRateDefault === 'one') {
    return { text: o.name.includes('newton') ? '1 = the full Newton step' : '1: the method sizes its own step', warn: false };
  }
  const rectified = o.learningRateDefault === 'rectified'; // RAdam, AdaBelief: plain gradient steps first
  const bounded = GRADIENT_DESCENT.has(o.name) || HEAVY_BALL.has(o.name) || NESTEROV.has(o.name) || rectified;
  if (!bounded) {
    return {
      text: o.name === 'gd-armijo' ? 'first trial step: backtracking shrinks it until f falls'
        : 'adaptive: steps about lr per coordinate, no 2/λ bound',
      warn: false,
    };
  }
  if (!eigenvalues) return { text: '', warn: false };
  const [lMax, lMin] = eigenvalues;
  if (lMin < 0) {
    return { text: `curves down here (λ = ${num(lMin)}): no lr is stable, steps along it grow until it leaves`, warn: false };
  }
  if (!(lMax > 0)) return { text: 'flat here: no curvature bounds lr', warn: false };
  let limit, rule;
  if (HEAVY_BALL.has(o.name)) {
    const mu = setting('momentum') ?? 0.9;
    const damp = setting('dampening') ?? 0;
    limit = (2 * (1 + mu)) / ((1 - damp) * lMax);
    rule = damp > 0 ? '2(1+μ)/((1−τ)λmax)' : '2(1+μ)/λmax';
  } else if (NESTEROV.has(o.name)) {
    const mu = setting('momentum') ?? 0.9;
    limit = (2 * (1 + mu)) / ((1 + 2 * mu) * lMax);
    rule = '2(1+μ)/((1+2μ)λmax)';
  } else {
    limit = 2 / lMax;
    rule = '2/λmax';
  }
  const warn = lr >= limit;
  if (rectified) {
    // Until its variance estimate is trusted (the first 5 steps) the step is lr·m̂: gradient descent's bound.
    return {
      text: warn ? `first steps are gradient steps: ≥ 2/λmax = ${num(limit)} here, they overshoot`
        : `first steps are gradient steps (< 2/λmax = ${num(limit)} here), then about lr per coordinate`,
      warn,
    };
  }
  return { text: warn ? `≥ ${rule} = ${num(limit)} here: it overshoots` : `< ${rule} = ${num(limit)} here`, warn };
}
