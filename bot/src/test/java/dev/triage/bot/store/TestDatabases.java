package dev.triage.bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh databases of either kind for store tests, which run once on H2 and once on PostgreSQL:
 * {@code @RegisterExtension final TestDatabases databases = new TestDatabases();} then
 * {@code @ParameterizedTest @EnumSource(TestDatabases.Kind.class)}. Databases still open after a test are closed.
 */
public final class TestDatabases implements BeforeEachCallback, AfterEachCallback {
    /** The databases the store runs on. */
    public enum Kind {
        H2, POSTGRESQL
    }

    /** One empty database, which may be opened (and closed) several times, like a server restarting. */
    public interface Place {
        Database open();
    }

    private final List<Database> opened = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private ExtensionContext context;

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        this.context = extensionContext;
    }

    /** A new empty database of that kind. */
    public Place fresh(Kind kind) {
        if (kind == Kind.POSTGRESQL) {
            String url = postgresUrl();
            return () -> track(Database.open(url, TestPostgres.USER, TestPostgres.PASSWORD));
        }
        try {
            Path dir = Files.createTempDirectory("triage-h2");
            folders.add(dir);
            return () -> track(Database.embedded(dir.resolve("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new empty PostgreSQL database's URL, to open by hand. */
    public String postgresUrl() {
        return TestPostgres.shared(context).newDatabase();
    }

    /** {@code fresh(kind).open()}. */
    public Database open(Kind kind) {
        return fresh(kind).open();
    }

    private synchronized Database track(Database db) {
        opened.add(db);
        return db;
    }

    @Override
    public synchronized void afterEach(ExtensionContext extensionContext) throws IOException {
        opened.forEach(Database::close); // closing twice is harmless
        opened.clear();
        for (Path dir : folders) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        folders.clear();
    }
}
