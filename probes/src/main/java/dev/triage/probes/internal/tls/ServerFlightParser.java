package dev.triage.probes.internal.tls;

import dev.triage.probes.internal.rdp.ConfirmParser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the bytes a server sent after a hand-built ClientHello: TLS records (RFC 8446 5.1), the ServerHello
 * (with {@code supported_versions} for TLS 1.3) and, for TLS 1.2 and older, the plaintext Certificate message.
 * A pure function of the bytes received so far; never throws, whatever the input.
 */
public final class ServerFlightParser {
    private static final int MAX_RECORD = 16384 + 2048;
    private static final int SERVER_HELLO = 2;
    private static final int CERTIFICATE = 11;
    private static final int SERVER_HELLO_DONE = 14;

    private ServerFlightParser() {
    }

    public static ServerFlight parse(byte[] received) {
        try {
            return parseRecords(received);
        } catch (Cursor.Overrun | IllegalArgumentException e) {
            return new ServerFlight.NotTls(ConfirmParser.firstBytes(received), "malformed TLS data");
        }
    }

    private static ServerFlight parseRecords(byte[] received) {
        Cursor in = new Cursor(received);
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        while (in.remaining() >= 5) {
            int start = in.position();
            int type = in.u8();
            int major = in.u8();
            in.u8();
            int length = in.u16();
            if (type < 20 || type > 23 || major != 3 || length > MAX_RECORD) {
                return notTls(received, start == 0 ? "not a TLS record" : "bad TLS record header");
            }
            if (in.remaining() < length) {
                break;
            }
            Cursor body = in.slice(length);
            if (type == 21) {
                return alert(received, body);
            }
            if (type == 22) {
                handshake.writeBytes(body.bytes(length));
                ServerFlight decided = parseHandshake(handshake.toByteArray());
                if (!(decided instanceof ServerFlight.NeedMore)) {
                    return decided;
                }
            }
        }
        if (received.length > 0 && received[0] != 21 && received[0] != 22 && received[0] != 20) {
            return notTls(received, "not a TLS record");
        }
        return new ServerFlight.NeedMore();
    }

    private static ServerFlight alert(byte[] received, Cursor body) {
        if (body.remaining() < 2) {
            return notTls(received, "short alert record");
        }
        return new ServerFlight.Alert(body.u8(), body.u8());
    }

    private static ServerFlight parseHandshake(byte[] messages) {
        Cursor in = new Cursor(messages);
        ServerHelloFields hello = null;
        List<byte[]> chain = List.of();
        while (in.remaining() >= 4) {
            int type = in.u8();
            int length = in.u24();
            if (in.remaining() < length) {
                break;
            }
            Cursor body = in.slice(length);
            if (type == SERVER_HELLO) {
                hello = ServerHelloFields.parse(body);
                if (hello.version() == TlsVersion.TLS_1_3.wire()) {
                    return new ServerFlight.Hello(hello.version(), hello.cipherSuite(), List.of());
                }
            } else if (type == CERTIFICATE && hello != null) {
                chain = certificates(body);
                return new ServerFlight.Hello(hello.version(), hello.cipherSuite(), chain);
            } else if (type == SERVER_HELLO_DONE && hello != null) {
                return new ServerFlight.Hello(hello.version(), hello.cipherSuite(), chain);
            }
        }
        return new ServerFlight.NeedMore();
    }

    private static List<byte[]> certificates(Cursor body) {
        Cursor list = body.slice(body.u24());
        List<byte[]> chain = new ArrayList<>();
        while (list.remaining() > 0) {
            chain.add(list.bytes(list.u24()));
        }
        return chain;
    }

    private static ServerFlight notTls(byte[] received, String why) {
        return new ServerFlight.NotTls(ConfirmParser.firstBytes(received), why);
    }

    /** The ServerHello fields the probe needs; the version honours {@code supported_versions} (RFC 8446 4.2.1). */
    private record ServerHelloFields(int version, int cipherSuite) {
        static ServerHelloFields parse(Cursor body) {
            int legacyVersion = body.u16();
            body.skip(32);
            body.skip(body.u8());
            int suite = body.u16();
            body.u8();
            int version = legacyVersion;
            if (body.remaining() >= 2) {
                Cursor extensions = body.slice(body.u16());
                while (extensions.remaining() >= 4) {
                    int type = extensions.u16();
                    Cursor data = extensions.slice(extensions.u16());
                    if (type == 0x002B && data.remaining() == 2) {
                        version = data.u16();
                    }
                }
            }
            return new ServerHelloFields(version, suite);
        }
    }
}
