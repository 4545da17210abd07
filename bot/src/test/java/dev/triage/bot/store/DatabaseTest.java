package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theSharedDatabasePortIsNotReachableFromOtherHosts() throws Exception {
        try (Database db = Database.embedded(dir); Connection c = db.dataSource().getConnection()) {
            int port = autoServerPort();
            Optional<InetAddress> external = nonLoopbackAddress();
            Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(external.get(), port), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> Database.embedded(file.resolve("data")))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot create the data folder");
    }

    /** H2 records where its automatic server listens in the lock file, as {@code server=host:port}. */
    private int autoServerPort() throws IOException {
        Properties lock = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("triage.lock.db"),
                java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("the lock file names the server").isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
