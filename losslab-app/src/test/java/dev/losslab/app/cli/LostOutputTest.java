package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output is never lost silently: the real {@code main} in its own process, its stdout sent to a
 * full device or to a reader that stops reading, and pictures sent where they cannot be written.
 */
@EnabledOnOs(OS.LINUX)
class LostOutputTest {

    /** A million-step run prints ~100 MB of CSV: long enough that a reader gone early is noticed. */
    private static final List<String> LONG_CSV = List.of("run", "--surface", "bowl", "--optimizer", "gd",
            "--steps", "1000000", "--tol", "0", "--format", "csv");

    @Test
    void aFullDiskIsAnErrorNotASuccess() throws Exception {
        Process p = losslab(List.of("run", "--surface", "bowl", "--optimizer", "gd", "--format", "csv"))
                .redirectOutput(new File("/dev/full")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(Main.FAILURE);
        assertThat(stderr(p)).isEqualTo("error: cannot write output: No space left on device\n");
    }

    @Test
    void aReaderThatStopsReadingStopsTheCommand() throws Exception {
        Process p = losslab(LONG_CSV).start();
        try (var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("step,x,y,loss,grad_x,grad_y,lr,f_evals,g_evals");
        }
        // Closed after one line, like `| head -1`. Writing all of it takes ~10 s; stopping, well under.
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped after its reader left").isTrue();
        assertThat(p.exitValue()).isEqualTo(Main.FAILURE);
        assertThat(stderr(p)).isEqualTo("error: cannot write output: Broken pipe\n");
    }

    /** Help is printed before any command runs; a reader gone early is reported the same way. */
    @Test
    void helpToAFullDiskIsReportedWithoutAStackTrace() throws Exception {
        Process p = losslab(List.of("run", "--help")).redirectOutput(new File("/dev/full")).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(Main.FAILURE);
        assertThat(stderr(p)).isEqualTo("error: cannot write output: No space left on device\n");
    }

    /**
     * Ten racers × 200,000 steps is ~300 MB of JSON, and the runs themselves ~100 MB: with a 256 MB heap
     * it fits only if the JSON is streamed as it is written, never held as text or as a tree.
     */
    @Test
    void aRacesJsonIsStreamedNotHeld() throws Exception {
        List<String> race = new ArrayList<>(List.of("-Xmx256m", Main.class.getName(), "race", "--surface", "bowl",
                "--optimizers", "gd,sgd,momentum,nesterov,rmsprop,adagrad,adam,adamw,newton,saddle-free-newton",
                "--steps", "200000", "--tol", "0", "--format", "json"));
        ProcessBuilder b = losslab(List.of());
        List<String> command = new ArrayList<>(b.command().subList(0, 3));
        command.addAll(race);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(p)).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void aPictureThatCannotBeWrittenIsBadInputWithItsReason(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("a-folder.png"));
        Cli intoFolder = Cli.run("run", "--surface", "bowl", "--optimizer", "gd", "--out", folder.toString());
        assertThat(intoFolder.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(intoFolder.err()).isEqualTo("error: cannot write " + folder + ": it is a folder\n");
        assertThat(folder).isDirectory();

        Cli intoProc = Cli.run("run", "--surface", "bowl", "--optimizer", "gd", "--out", "/proc/nope.png");
        assertThat(intoProc.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(intoProc.err()).startsWith("error: cannot write /proc/nope.png: ").doesNotContain("Exception", "\tat ");
    }

    private static ProcessBuilder losslab(List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    private static String stderr(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
