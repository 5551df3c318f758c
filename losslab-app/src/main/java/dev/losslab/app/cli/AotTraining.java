package dev.losslab.app.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The training run of {@code ./losslab}'s AOT cache (JDK 25, JEPs 483/514/515): one JVM that runs a
 * typical use of every command, with the output thrown away, so the cache holds the classes each
 * command loads and the method profiles of their hot loops. Training on one command alone left the
 * others loading and verifying their classes from the jar on every launch.
 *
 * <pre>
 *   java -XX:AOTCacheOutput=losslab.aot -cp losslab.jar dev.losslab.app.cli.AotTraining
 * </pre>
 *
 * The web lab ({@code serve}) is not trained: it blocks, and its start-up is once per session.
 */
public final class AotTraining {

    /** Each command as a user would type it; small enough that the whole run takes about a second. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("surfaces"),
            List.of("optimizers"),
            List.of("datasets"),
            List.of("run", "--surface", "rosenbrock", "--optimizer", "adam"),
            List.of("run", "--surface", "x^2 + 3*y^2 - x*y", "--optimizer", "momentum", "--format", "json"),
            List.of("race", "--surface", "himmelblau", "--optimizers", "gd,momentum,adam,newton", "--format", "csv"),
            List.of("analyze", "--surface", "saddle", "--at=0.05,0.05"),
            List.of("critical-points", "--surface", "himmelblau"),
            // The profile the JIT gets for the engine's batch loops is this run's: plain gradient descent,
            // as in the maps issue's benchmark. (With the old kernel, adding a momentum map made that
            // first map ~20 % slower.)
            List.of("basins", "--surface", "himmelblau", "--optimizer", "gd", "--grid", "192", "--format", "json"),
            List.of("sweep", "--surface", "bowl", "--optimizer", "momentum", "--vary", "lr=0.01:0.3:8,momentum=0:0.9:4"),
            List.of("sgd-stats", "--surface", "himmelblau", "--start=0,0", "--noise", "0:20:3", "--runs", "20"),
            List.of("train", "--data", "moons", "--model", "mlp", "--optimizer", "adam", "--steps", "200", "--format", "csv"),
            List.of("slice", "--data", "moons", "--model", "mlp", "--optimizer", "adam", "--steps", "100", "--grid", "21",
                    "--format", "csv"),
            List.of("train-sweep", "--data", "moons", "--model", "mlp", "--optimizers", "sgd,adam", "--lrs", "0.01,0.1",
                    "--seeds", "0,1", "--steps", "50"));

    private AotTraining() {}

    public static void main(String[] args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (List<String> command : COMMANDS) {
            int code = Main.execute(command.toArray(String[]::new), nowhere, nowhere);
            if (code != Main.OK) {
                // A training command that fails trains the wrong paths: say so, but a cache is still made.
                System.err.println("AOT training: `losslab " + String.join(" ", command) + "` exited with " + code);
            }
        }
    }
}
