package dev.losslab.app.cli;

/** What a command prints. {@code text} is for people; {@code csv} and {@code json} are for programs. */
enum OutputFormat {
    text, csv, json;

    /** Text for a person at a terminal, otherwise the machine format {@code fallback}. */
    static OutputFormat orDefault(OutputFormat chosen, OutputFormat fallback) {
        if (chosen != null) {
            return chosen;
        }
        var console = System.console();
        return console != null && console.isTerminal() ? text : fallback;
    }
}
