package dev.losslab.app.cli;

/**
 * The commands' options as {@link PlainCommandLine} needs them, without reflection: implemented by
 * a class the build generates from the options' annotations ({@link PlainOptionsTable}).
 */
interface PlainOptions {

    /** One line per option: its command, field, names, type and so on (see {@link PlainOptionsTable}). */
    String table();

    /**
     * Stores {@code value} (boxed for a primitive field) in the field of line {@code row} of
     * {@code command}, creating the mixins on the way if they are not there yet.
     */
    void set(int row, Subcommand command, Object value);

    /** Creates the mixins that hold line {@code row}'s field, where they are not there yet. */
    void createMixins(int row, Subcommand command);

    /** The constants of line {@code row}'s enum type, or null when it is not an enum. */
    Object[] enumConstants(int row);
}
