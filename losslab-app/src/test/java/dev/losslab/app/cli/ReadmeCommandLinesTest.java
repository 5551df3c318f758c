package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command line the docs show names a real command and only options that command has, and
 * the README's list of commands is the CLI's: an option renamed or dropped fails here, not in a
 * reader's terminal.
 */
class ReadmeCommandLinesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern COMMAND_LINE = Pattern.compile("\\./losslab\\s+([a-z][a-z-]*)([^`\\n]*)");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    @Test
    void everyCommandLineInTheDocsUsesRealOptions() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String doc : List.of("README.md", "docs/API.md", "docs/DATASETS.md")) {
            Matcher line = COMMAND_LINE.matcher(Files.readString(ROOT.resolve(doc)));
            while (line.find()) {
                var make = Main.COMMANDS.get(line.group(1));
                if (make == null) {
                    if (!line.group(1).equals("help")) {
                        wrong.add(doc + ": no command '" + line.group(1) + "' in: " + line.group());
                    }
                    continue;
                }
                Subcommand command = make.get();
                Matcher option = OPTION.matcher(line.group(2));
                while (option.find()) {
                    checked++;
                    if (command.spec().findOption(option.group()) == null) {
                        wrong.add(doc + ": " + line.group(1) + " has no " + option.group() + " in: " + line.group().strip());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("options checked (the pattern still finds command lines)").isGreaterThan(100);
    }

    @Test
    void theReadmeListsEveryCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("### The commands");
        String block = readme.substring(readme.indexOf("```", start), readme.indexOf("```", readme.indexOf("```", start) + 3));
        Set<String> listed = new LinkedHashSet<>();
        Matcher line = COMMAND_LINE.matcher(block);
        while (line.find()) {
            listed.add(line.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Main.COMMANDS.keySet());
    }
}
