package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;
    @org.junit.jupiter.api.extension.RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void anotherLocalUserCanNeitherReadNorReachTheDatabase() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux's /proc to see this process's sockets");
        // Only the data folder's own permissions may stand between another user and the files: JUnit's 0700
        // temporary folder would hide them even when the data folder is open to all.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = dir.resolve("data");
        Set<Integer> before = ListeningSockets.ofThisProcess();

        try (Database db = Database.embedded(data); Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO cases (id, created_at, origin) VALUES ('secret', CURRENT_TIMESTAMP, 'test')");

            assertThat(ListeningSockets.ofThisProcess()).as("TCP ports this process listens on since it opened the"
                    + " database").isSubsetOf(before);
            // With AUTO_SERVER, H2 wrote the port and a key for any local client here.
            Path lock = data.resolve("triage.lock.db");
            if (Files.exists(lock)) {
                assertThat(Files.readString(lock, StandardCharsets.ISO_8859_1)).doesNotContain("server=");
            }
            assertPrivate(data);
            if (!"root".equals(System.getProperty("user.name"))) {
                System.out.println("DatabaseTest: not root, so the read attempts as user nobody are skipped; the "
                        + "permissions were checked instead");
                return;
            }
            Path control = Files.writeString(dir.resolve("readable-by-all"), "x");
            Files.setPosixFilePermissions(control, PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(asNobody("cat", control.toString())).as("nobody can read a file open to all").isZero();
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : files.toList()) {
                    assertThat(asNobody("cat", file.toString())).as("nobody reads " + file.getFileName()).isNotZero();
                }
            }
            assertThat(asNobody("ls", data.toString())).as("nobody lists the data folder").isNotZero();
        }
    }

    @Test
    void aFolderAndFilesLeftOpenByAnOlderVersionAreMadePrivate() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.embedded(data)) {
            // created here; now loosened as the old umask-022 code left them
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        try (Database db = Database.embedded(data)) {
            assertPrivate(data);
        }
    }

    @Test
    void aDatabaseCreatedWithTheOldEmptyPasswordGetsAGeneratedOne() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("triage");
        try (Database old = Database.open(url, "sa", ""); Connection c = old.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO cases (id, created_at, origin) VALUES ('kept', CURRENT_TIMESTAMP, 'test')");
        }

        try (Database db = Database.embedded(data)) {
            assertThat(Files.readString(data.resolve("db.secret")).strip()).hasSizeGreaterThanOrEqualTo(32);
        }

        assertThatThrownBy(() -> connect(url, "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Connection c = connect(url, Files.readString(data.resolve("db.secret")).strip());
                Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT id FROM cases WHERE id = 'kept'").next()).isTrue();
        }
    }

    @Test
    void aLostPasswordFileIsNamedAndNotReplaced() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.embedded(data)) {
            assertThat(db.dataSource()).isNotNull();
        }
        String secret = Files.readString(data.resolve("db.secret"));
        Files.delete(data.resolve("db.secret"));

        assertThatThrownBy(() -> Database.embedded(data)).isInstanceOf(StoreException.class)
                .hasMessage("the database in %s has a password, but db.secret beside it is missing: restore db.secret"
                        + " from the backup of the database", data.toAbsolutePath());
        assertThat(data.resolve("db.secret")).doesNotExist();
        assertThat(data.resolve("db.secret.pending")).doesNotExist();

        Files.writeString(data.resolve("db.secret"), secret);
        try (Database db = Database.embedded(data)) {
            assertThat(db.dataSource()).isNotNull();
        }
    }

    @Test
    void aSecondProcessIsToldWhichProcessHoldsTheDatabase() throws Exception {
        Path data = dir.resolve("data");
        try (HeldDatabase holder = HeldDatabase.start(data)) {
            assertThatThrownBy(() -> Database.embedded(data)).isInstanceOf(DatabaseInUseException.class)
                    .hasMessage("the server or another triage command (pid %d, since %s) holds the database in %s",
                            holder.pid(), Files.readString(data.resolve("db.holder")).strip().split(" ")[1],
                            data.toAbsolutePath());
        }
        try (Database db = Database.embedded(data)) {
            assertThat(db.dataSource()).isNotNull(); // free again once the holder closed it
        }
    }

    @Test
    void thePoolSizeIsTheConfiguredOne() {
        try (Database db = Database.embedded(dir.resolve("data"), 3)) {
            assertThat(((JdbcConnectionPool) db.dataSource()).getMaxConnections()).isEqualTo(3);
        }
        try (Database db = Database.embedded(dir.resolve("data"))) {
            assertThat(((JdbcConnectionPool) db.dataSource()).getMaxConnections()).isEqualTo(Database.DEFAULT_POOL);
        }
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> Database.embedded(file.resolve("data")))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot create the data folder");
    }

    private static void assertPrivate(Path data) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(data)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).contains("triage.mv.db", "db.secret");
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    /** Runs a command as user {@code nobody}, without root's groups or capabilities, and returns its exit code. */
    private static int asNobody(String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(
                List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static Connection connect(String url, String password) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword(password);
        return ds.getConnection();
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedByNameWithoutItsPassword() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://db/triage?user=a&password=hunter2", "a", "b"))
                .isInstanceOf(StoreException.class)
                .hasMessage("database.url (TRIAGE_JDBC_URL) must be an H2 URL (jdbc:h2:...) or a PostgreSQL URL"
                        + " (jdbc:postgresql://host:port/database), not jdbc:mysql://db/triage?user=a&password=***");
    }

    @Test
    void aWrongPostgresPasswordFailsWithTheServersReasonAndNeverThePassword() {
        String url = databases.postgresUrl();

        assertThatThrownBy(() -> Database.open(url, TestPostgres.USER, "wrong-guess-42"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the database at " + url + ": ")
                .hasMessageContaining("password authentication failed for user \"triage\"")
                .hasMessageNotContaining("wrong-guess-42");
    }
}
