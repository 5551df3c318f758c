package dev.losslab.core.expr;

import dev.losslab.core.surface.PointwiseSurface;

/**
 * The superclass of every formula compiled to bytecode by {@link BytecodeCompiler}: the hidden
 * class supplies {@code value}, {@code valueAndGradient} and {@code hessian}; this class remembers
 * the formula, so a compiled surface prints as what it computes.
 */
abstract class CompiledSurface implements PointwiseSurface {

    private final String formula;

    CompiledSurface(String formula) {
        this.formula = formula;
    }

    @Override
    public String toString() {
        return formula;
    }
}
