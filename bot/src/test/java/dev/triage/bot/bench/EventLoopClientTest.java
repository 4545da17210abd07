package dev.triage.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The generator only stops a request's clock when its whole response has arrived, however it is framed. */
class EventLoopClientTest {
    @Test
    void aResponseWithALengthIsWholeOnceItsLastByteArrived() {
        String whole = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

        assertThat(parse(whole.substring(0, whole.length() - 1))).isEmpty();
        assertThat(parse(whole)).contains(new EventLoopClient.HttpResponseBytes(200, "hello"));
    }

    @Test
    void aChunkedResponseIsWholeOnlyAtItsLastChunk() {
        String body = "HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n";

        assertThat(parse(body)).isEmpty();
        assertThat(parse(body + "0\r\n")).isEmpty();
        assertThat(parse(body + "0\r\n\r\n")).contains(new EventLoopClient.HttpResponseBytes(401, "abcde"));
    }

    @Test
    void headersThatHaveNotAllArrivedAreNotAResponse() {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Len")).isEmpty();
    }

    private static java.util.Optional<EventLoopClient.HttpResponseBytes> parse(String text) {
        return EventLoopClient.HttpResponseBytes.parse(text.getBytes(StandardCharsets.US_ASCII));
    }
}
