package dev.triage.bot.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Many kept-open HTTP/1.1 connections driven from one thread, each sending its next request as soon as the previous
 * one is answered, as load generators such as wrk do. The platforms send from their own machines; a generator
 * sharing the server's two cores must take as little of them as it can, and fifty blocking sender threads took a
 * fifth of the CPU and queued with the server's own threads for the cores, so the tail measured the generator as
 * much as the server. The clock for a request starts after it is built and signed and stops when its response is
 * read whole.
 */
final class EventLoopClient {
    /** Builds, signs and judges the requests; called only on the loop's thread. */
    interface Requests {
        /** The next request, or empty when all have been sent. */
        java.util.Optional<AckPlatform.SignedPost> next();

        /** Records one response and the nanoseconds it took. */
        void answered(int status, String body, long nanos);

        /** Records a failed connection. */
        void failed(IOException e);
    }

    private final InetSocketAddress server;
    private final String path;

    EventLoopClient(InetSocketAddress server, String path) {
        this.server = server;
        this.path = path;
    }

    /** Runs {@code connections} connections until {@code requests} has no more to send and all are answered. */
    void run(int connections, Requests requests) throws IOException {
        try (Selector selector = Selector.open()) {
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection connection = new Connection(SocketChannel.open(server));
                connection.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connection.channel.configureBlocking(false);
                connection.channel.register(selector, 0, connection);
                open.add(connection);
            }
            int busy = 0;
            for (Connection connection : open) {
                busy += connection.sendNext(requests, selector) ? 1 : 0;
            }
            while (busy > 0) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    busy -= ((Connection) key.attachment()).ready(key, requests, selector);
                }
                selector.selectedKeys().clear();
            }
            for (Connection connection : open) {
                connection.channel.close();
            }
        }
    }

    private final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private ByteBuffer pending;
        private long started;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Sends the next request; false when there is none. */
        boolean sendNext(Requests requests, Selector selector) throws IOException {
            var post = requests.next();
            if (post.isEmpty()) {
                return false;
            }
            pending = ByteBuffer.wrap(encode(post.get().headers(), post.get().body()));
            received.reset();
            started = System.nanoTime();
            channel.write(pending);
            channel.keyFor(selector).interestOps(pending.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            return true;
        }

        /** Handles readiness; returns 1 when this connection has finished its share of the work. */
        int ready(SelectionKey key, Requests requests, Selector selector) {
            try {
                if (key.isWritable()) {
                    channel.write(pending);
                    key.interestOps(pending.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                    return 0;
                }
                readBuffer.clear();
                int read = channel.read(readBuffer);
                if (read < 0) {
                    throw new IOException("the server closed the connection");
                }
                received.write(readBuffer.array(), 0, read);
                var response = HttpResponseBytes.parse(received.toByteArray());
                if (response.isEmpty()) {
                    return 0;
                }
                requests.answered(response.get().status(), response.get().body(), System.nanoTime() - started);
                return sendNext(requests, selector) ? 0 : 1;
            } catch (IOException e) {
                requests.failed(e);
                key.cancel();
                return 1;
            }
        }

        private byte[] encode(Map<String, String> headers, byte[] body) {
            StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(server.getHostString()).append(':').append(server.getPort())
                    .append("\r\nContent-Length: ").append(body.length).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[start.length + body.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }
    }

    /** An HTTP/1.1 response read so far: whole (status and body) once its Content-Length or last chunk arrived. */
    record HttpResponseBytes(int status, String body) {
        static java.util.Optional<HttpResponseBytes> parse(byte[] bytes) {
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (headEnd < 0) {
                return java.util.Optional.empty();
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12));
            int bodyStart = headEnd + 4;
            OptionalInt length = contentLength(head);
            if (length.isPresent()) {
                return bytes.length - bodyStart < length.getAsInt() ? java.util.Optional.empty()
                        : java.util.Optional.of(new HttpResponseBytes(status,
                                new String(bytes, bodyStart, length.getAsInt(), StandardCharsets.UTF_8)));
            }
            return chunked(bytes, bodyStart).map(body -> new HttpResponseBytes(status, body));
        }

        private static OptionalInt contentLength(String head) {
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    return OptionalInt.of(Integer.parseInt(lower.substring(15).strip()));
                }
            }
            return OptionalInt.empty();
        }

        private static java.util.Optional<String> chunked(byte[] bytes, int from) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int at = from;;) {
                int lineEnd = indexOf(bytes, crlf, at);
                if (lineEnd < 0) {
                    return java.util.Optional.empty();
                }
                int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).strip(),
                        16);
                int dataEnd = lineEnd + 2 + size;
                if (bytes.length < dataEnd + 2) {
                    return java.util.Optional.empty();
                }
                if (size == 0) {
                    return java.util.Optional.of(body.toString(StandardCharsets.UTF_8));
                }
                body.write(bytes, lineEnd + 2, size);
                at = dataEnd + 2;
            }
        }

        private static int indexOf(byte[] bytes, byte[] wanted, int from) {
            outer:
            for (int i = from; i <= bytes.length - wanted.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (bytes[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
