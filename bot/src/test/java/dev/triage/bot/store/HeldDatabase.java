package dev.triage.bot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process that holds the embedded database, as {@code triage serve} does: a JVM on this test's class path
 * that opens it, prints {@code holding}, and closes it when its standard input closes.
 */
public final class HeldDatabase implements AutoCloseable {
    private final Process process;

    private HeldDatabase(Process process) {
        this.process = process;
    }

    public static HeldDatabase start(Path dataDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HeldDatabase.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.equals("holding")) {
                return new HeldDatabase(process);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the holder process did not open the database:\n" + seen);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        try (Database db = Database.embedded(Path.of(args[0]));
                java.sql.Connection c = db.dataSource().getConnection()) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our input
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
