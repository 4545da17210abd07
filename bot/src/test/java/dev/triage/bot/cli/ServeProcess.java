package dev.triage.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code triage serve} process on a free loopback port, on this test's class path, with the given
 * environment (and no configuration file), optionally on a data directory that outlives it. {@link #kill()} is
 * {@code kill -9}.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Triage is listening on http://[^:]+:(\\d+) ");
    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private ServeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the process and returns once it listens; fails with its output when it exits first. */
    public static ServeProcess start(Map<String, String> env) throws IOException {
        return start(env, List.of("--port", "0"));
    }

    /** As {@link #start(Map)}, keeping its cases in {@code data}, so a second process on it finds them. */
    public static ServeProcess start(Map<String, String> env, Path data) throws IOException {
        return start(env, List.of("--port", "0", "--data", data.toString()));
    }

    /**
     * As {@link #start(Map, Path)} on a port chosen beforehand: the case links the bot sends name the configured
     * port, and port 0 would make them {@code :0}.
     */
    public static ServeProcess start(Map<String, String> env, int port, Path data) throws IOException {
        return start(env, List.of("--port", String.valueOf(port), "--data", data.toString()));
    }

    /**
     * The repository's own launcher, {@code ROOT/triage serve OPTIONS}, as people start Triage: the packaged jar and
     * its lib directory, not this test's class path. The caller sees that the package is built; the environment
     * can keep the launcher from building ({@code TRIAGE_NO_BUILD}) or writing its class archive ({@code TRIAGE_CDS}).
     */
    public static ServeProcess launcher(Path root, Map<String, String> env, List<String> options)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("triage").toString(), "serve"));
        command.addAll(options);
        return run(command, env);
    }

    private static ServeProcess start(Map<String, String> env, List<String> options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.triage.bot.BotApplication", "serve"));
        command.addAll(options);
        return run(command, env);
    }

    private static ServeProcess run(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TRIAGE_CONFIG", "/dev/null");
        builder.environment().putAll(env);
        Process p = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                ServeProcess started = new ServeProcess(p, Integer.parseInt(listening.group(1)));
                started.output.append(seen);
                started.drain(out);
                return started;
            }
        }
        throw new AssertionError("triage serve did not start:\n" + seen);
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** What the process printed so far. */
    public String output() {
        return output.toString();
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it; returns the exit code, or -1 if it did not end in time. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "serve-output-" + port);
        t.setDaemon(true);
        t.start();
    }
}
