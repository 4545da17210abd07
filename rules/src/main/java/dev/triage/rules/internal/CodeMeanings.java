package dev.triage.rules.internal;

import dev.triage.rules.CodeFact;
import java.util.Map;

/**
 * Short meanings of the codes the rules use, for evidence sentences. Meanings follow Microsoft's OnDisconnected and
 * ExtendedDisconnectReasonCode tables, MS-RDPBCGR 2.2.5.1.1 (Set Error Info) and FreeRDP's error.h, as collected in
 * {@code shared/reference/rdp-facts.md} §1. The bot's decoder owns the full tables; this is only for wording.
 */
final class CodeMeanings {
    private static final Map<String, String> DISCONNECT = Map.ofEntries(
            Map.entry("0x4", "the session ended with an error (often seen from the Mac app)"),
            Map.entry("0x104", "the DNS name lookup failed"),
            Map.entry("0x108", "the connection timed out"),
            Map.entry("0x204", "the TCP connection could not be opened"),
            Map.entry("0x208", "the host was not found"),
            Map.entry("0x304", "a network send failed"),
            Map.entry("0x308", "the IP address is not valid"),
            Map.entry("0x404", "a network receive failed"),
            Map.entry("0x406", "the security data is not valid"),
            Map.entry("0x506", "the encryption method is not valid"),
            Map.entry("0x508", "the DNS lookup failed"),
            Map.entry("0x604", "the host name could not be resolved"),
            Map.entry("0x606", "the server's security data is not valid"),
            Map.entry("0x704", "a time-out occurred"),
            Map.entry("0x706", "the server certificate could not be unpacked"),
            Map.entry("0x804", "the IP address is not valid"),
            Map.entry("0x807", "the logon failed"),
            Map.entry("0x808", "licensing failed"),
            Map.entry("0x904", "the socket was closed while connecting"),
            Map.entry("0x906", "an internal security error"),
            Map.entry("0x908", "licensing timed out"),
            Map.entry("0xa06", "an internal security error"),
            Map.entry("0xa07", "the user has no account"),
            Map.entry("0xb06", "an encryption error"),
            Map.entry("0xb07", "the account is disabled"),
            Map.entry("0xc06", "a decryption error"),
            Map.entry("0xc07", "the account is restricted"),
            Map.entry("0xd07", "the account is locked out"),
            Map.entry("0xe07", "the account is expired"),
            Map.entry("0xf07", "the password is expired"),
            Map.entry("0x1207", "the password must be changed"),
            Map.entry("0x1607", "policy does not allow delegating credentials to this server"),
            Map.entry("0x1707", "credential delegation needs mutual authentication"),
            Map.entry("0x1807", "no authority could be contacted for authentication"),
            Map.entry("0x1b07", "the received certificate is expired"),
            Map.entry("0x2107", "the server requires freshly entered credentials"));

    private static final Map<String, String> SERVER = Map.ofEntries(
            Map.entry("0x3", "the idle time limit ended the session"),
            Map.entry("0x5", "another connection replaced this one"),
            Map.entry("0x7", "the server denied the connection"),
            Map.entry("0x8", "the server denied the connection for security reasons"),
            Map.entry("0x9", "the user lacks the privileges to connect"),
            Map.entry("0xa", "the server does not accept saved credentials"),
            Map.entry("0x100", "an internal licensing error"),
            Map.entry("0x101", "no license server was available"),
            Map.entry("0x102", "no client access license was available"),
            Map.entry("0x106", "network problems interrupted licensing"),
            Map.entry("0x10a", "the server is not licensed to accept remote connections"),
            Map.entry("0x300", "invalid credentials"),
            Map.entry("0x112d", "the graphics mode is not supported"),
            Map.entry("0x112e", "the graphics subsystem failed to reset"),
            Map.entry("0x112f", "the graphics subsystem failed"));

    private CodeMeanings() {}

    /** The meaning, or the code's symbolic name, or empty. */
    static String meaning(CodeFact c) {
        String known = switch (c.kind()) {
            case "disconnect" -> DISCONNECT.get(c.code());
            case "extended", "errinfo" -> SERVER.get(c.code());
            default -> null;
        };
        return known != null ? known : c.name();
    }
}
