package dev.triage.bot.tickets;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One ticket system's HTTP calls, each bounded by the connect and request timeouts. Failures to reach the system
 * become {@link Answer.Unreachable} with a reason that names the system and what went wrong, never the credentials
 * (they travel only in the Authorization header, which no message repeats).
 */
final class Remote {
    private final String system;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    Remote(String system, Duration connectTimeout, Duration requestTimeout) {
        this.system = system;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        // Redirects are not followed: a redirect would resend the Authorization header somewhere unconfigured.
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What came back: an HTTP answer of any status, or no answer at all. */
    sealed interface Answer {
        record Answered(int status, String body) implements Answer {
            boolean ok() {
                return status >= 200 && status < 300;
            }
        }

        record Unreachable(String reason) implements Answer {
        }
    }

    String system() {
        return system;
    }

    Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(requestTimeout).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = client.send(built,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer.Answered(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            return new Answer.Unreachable(system + " could not be reached within " + seconds(connectTimeout));
        } catch (HttpTimeoutException e) {
            return new Answer.Unreachable(system + " timed out after " + seconds(requestTimeout));
        } catch (ConnectException e) {
            return new Answer.Unreachable(system + " could not be reached at " + built.uri().getHost()
                    + " (connection refused or no route)");
        } catch (IOException e) {
            return new Answer.Unreachable(system + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unreachable(system + ": the call was interrupted");
        }
    }

    /** The reason for an answer that is not a success, with a hint for the usual ones. */
    String failure(Answer.Answered answer, String credentialNames) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            return system + " answered " + status + ": it refused the credentials (check " + credentialNames + ")";
        }
        if (status == 404) {
            return system + " answered 404: no such ticket or address";
        }
        return system + " answered " + status;
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
