package dev.losslab.core.expr;

import dev.losslab.core.surface.Surface;
import java.util.Objects;

/**
 * A formula in x and y, parsed: the library's entry point to the expression language.
 * <pre>{@code
 * Formula f = Formula.parse("(1 - x)^2 + 100*(y - x^2)^2", "surface");
 * Surface s = f.compile();          // f, ∇f, ∇²f, compiled to bytecode
 * f.normalized();                   // "(1 - x)^2 + 100*(y - x^2)^2"
 * }</pre>
 * The language is described in the README section "Typed surfaces" and in {@link Parser};
 * derivative rules and the choices at kinks in {@link Derivatives}.
 */
public final class Formula {

    private final String text;
    private final String field;
    private final Expr expression;

    private Formula(String text, String field, Expr expression) {
        this.text = text;
        this.field = field;
        this.expression = expression;
    }

    /**
     * Parses {@code text}.
     *
     * @param field how error messages name the input ({@code surface})
     * @throws FormulaException when the text is not a formula (the message has the column and a caret)
     */
    public static Formula parse(String text, String field) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(field, "field");
        return new Formula(text, field, Parser.parse(text, field));
    }

    /** The text as typed. */
    public String text() {
        return text;
    }

    /** The syntax tree. */
    public Expr expression() {
        return expression;
    }

    /** The canonical spelling; see {@link Printer}. */
    public String normalized() {
        return Printer.print(expression);
    }

    /**
     * A surface computing this formula with its exact gradient and Hessian. Compiled to a hidden
     * class when its methods fit {@link BytecodeCompiler#MAX_METHOD_BYTES}, else interpreted; both
     * give the same numbers. Each call compiles afresh; the surface may be shared between threads.
     *
     * @throws FormulaException when the formula and its derivatives need more than
     *                          {@value Tape#MAX_NODES} operations
     */
    public Surface compile() {
        Program program;
        try {
            program = Program.of(expression);
        } catch (Tape.TooLarge e) {
            throw FormulaException.whole(field, "formula is too large: it and its derivatives need more than "
                    + Tape.MAX_NODES + " operations");
        }
        return BytecodeCompiler.compile(program, normalized());
    }

    @Override
    public String toString() {
        return text;
    }
}
