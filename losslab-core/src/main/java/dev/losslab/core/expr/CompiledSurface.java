package dev.losslab.core.expr;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;

/**
 * The superclass of every formula compiled to bytecode by {@link BytecodeCompiler}: the hidden
 * class supplies every method that evaluates (the two batch loops and the three one-point methods);
 * this class remembers the formula, so a compiled surface prints as what it computes.
 */
abstract class CompiledSurface implements Surface {

    private final String formula;

    CompiledSurface(String formula) {
        this.formula = formula;
    }

    @Override
    public abstract void valueAndGradient(double[] points, int n, double[] values, double[] gradients);

    @Override
    public abstract void hessian(double[] points, int n, double[] hessians);

    /**
     * f alone: cheaper than f with ∇f where only values are needed (contour pictures), and the
     * same double as the f of {@code valueAndGradient}.
     */
    @Override
    public abstract double value(double x, double y);

    /** The batch's straight-line code for one point, without arrays: exactly a batch of one's doubles. */
    @Override
    public abstract double valueAndGradient(double x, double y, double[] gradient);

    /** The batch's straight-line code for one point, without arrays: exactly a batch of one's doubles. */
    @Override
    public abstract Sym2 hessian(double x, double y);

    @Override
    public String toString() {
        return formula;
    }
}
