package dev.triage.probes.internal.tls;

import java.util.List;

/** What the server's first flight said about one offered TLS version. */
public sealed interface ServerFlight {

    /** A ServerHello for {@code version}; {@code chain} holds the DER certificates when they came in clear (TLS 1.2 and older). */
    record Hello(int version, int cipherSuite, List<byte[]> chain) implements ServerFlight {
        public Hello {
            chain = List.copyOf(chain);
        }
    }

    record Alert(int level, int description) implements ServerFlight {
        public String descriptionName() {
            return AlertNames.name(description);
        }
    }

    /** Not enough bytes yet to decide. */
    record NeedMore() implements ServerFlight {
    }

    /** The server closed, reset or stayed silent; {@code how} is {@code closed}, {@code reset} or {@code timeout}. */
    record NoAnswer(String how) implements ServerFlight {
    }

    record NotTls(String firstBytes, String why) implements ServerFlight {
    }
}
