package dev.losslab.app.cli;

/** What a command prints. {@code text} is for people; {@code csv} and {@code json} are for programs. */
enum OutputFormat {
    text, csv, json;

    /** {@code --format} for a command that prints {@code text} unless told otherwise. */
    static Opt<OutputFormat> option(String label) {
        return Opt.choice("--format", OutputFormat.class, label, "output format (default: ${DEFAULT-VALUE})").defaultValue(text);
    }

    /** {@code --format} for a command whose default depends on where its output goes ({@link #orDefault}). */
    static Opt<OutputFormat> optionForTerminalOr(OutputFormat fallback, String label) {
        return Opt.choice("--format", OutputFormat.class, label,
                "output format (default: text at a terminal, " + fallback + " otherwise)");
    }

    /** Text for a person at a terminal, otherwise the machine format {@code fallback}. */
    static OutputFormat orDefault(OutputFormat chosen, OutputFormat fallback) {
        if (chosen != null) {
            return chosen;
        }
        var console = System.console();
        return console != null && console.isTerminal() ? text : fallback;
    }
}
