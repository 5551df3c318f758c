/**
 * What calculus says about a surface, as opposed to what an optimizer does on it:
 * {@link dev.losslab.core.analysis.PointAnalysis} (eigen-decomposition of the Hessian, the
 * {@link dev.losslab.core.analysis.CurvatureKind}, the condition number and 2/λmax at one point) and
 * {@link dev.losslab.core.analysis.CriticalPoints} (every point where ∇f = 0 inside a window,
 * classified). Pure functions of a {@link dev.losslab.core.surface.Surface}: no I/O, no state.
 */
package dev.losslab.core.analysis;
