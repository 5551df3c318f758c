package dev.losslab.core.expr;

/**
 * One lexeme of a formula.
 *
 * @param kind  what it is
 * @param text  the characters as typed ({@code **} for a power written that way; empty at the end)
 * @param start the 0-based index of its first character in the formula
 */
record Token(Kind kind, String text, int start) {

    enum Kind {
        NUMBER, NAME, PLUS, MINUS, STAR, SLASH, POWER, COMMA, LEFT_PAREN, RIGHT_PAREN, END
    }

    /** 1-based, as error messages count. */
    int column() {
        return start + 1;
    }

    int end() {
        return start + text.length();
    }

    /** How an error message names it: 'text', or "the end". */
    String describe() {
        return kind == Kind.END ? "the end" : "'" + text + "'";
    }
}
