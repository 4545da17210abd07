package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidenceParserTest {
    private final EvidenceParser parser = new EvidenceParser();

    private static final String MIXED = """
            Test-NetConnection rdp01 -Port 3389
            WARNING: TCP connect to (10.8.0.21 : 3389) failed
            ComputerName           : rdp01
            RemoteAddress          : 10.8.0.21
            RemotePort             : 3389
            PingSucceeded          : True
            TcpTestSucceeded       : False
            Pinging rdp01 [10.8.0.21] with 32 bytes of data:
            Reply from 10.8.0.21: bytes=32 time=3ms TTL=127
            Server:  dc2
            Address:  10.8.0.2
            *** dc2 can't find rdp02: Non-existent domain
            Event ID: 36874
            [ERROR][com.freerdp.core.transport] - BIO_read returned a system error 104: Connection reset by peer
            Event ID: 4625
            Sub Status: 0xC0000072
            """;

    @Test
    void oneTextCanCarryEveryKindOfEvidenceEachOnce() {
        List<UserEvidence> found = parser.parse(List.of(MIXED, MIXED));
        assertThat(found).contains(new UserTcpTest("rdp01", 3389, false),
                new UserDnsLookup("rdp01", List.of("10.8.0.21"), false), new UserDnsLookup("rdp02", List.of(), true),
                new EventLogEntry(36874, "Schannel", ""), new EventLogEntry(4625, "Security-Auditing", "0xc0000072"))
                .doesNotHaveDuplicates();
        assertThat(found).filteredOn(e -> e instanceof UserPing p && p.answered()).isNotEmpty();
        assertThat(found).filteredOn(e -> e instanceof ClientLogError c && c.kind().equals("reset")).hasSize(1);
    }

    @Test
    void everyTruncationOfARealPasteParsesWithoutThrowing() {
        for (int end = 0; end <= MIXED.length(); end++) {
            String cut = MIXED.substring(0, end);
            assertThatCode(() -> parser.parse(List.of(cut))).as("prefix of %d chars", cut.length())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void randomAndMutatedInputNeverThrows() {
        Random random = new Random(20261120);
        String alphabet = ":()[]*@=.\n\t 0123456789abcdefxX-" + "ComputerNameTcpTestSucceededServerAddressNamePinging"
                + "Reply from Event ID Reason= 0xC000006A";
        for (int i = 0; i < 2000; i++) {
            StringBuilder junk = new StringBuilder();
            int length = random.nextInt(400);
            for (int j = 0; j < length; j++) {
                junk.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String mutated = mutate(MIXED, random);
            assertThatCode(() -> parser.parse(List.of(junk.toString(), mutated))).doesNotThrowAnyException();
        }
    }

    private static String mutate(String text, Random random) {
        char[] chars = text.toCharArray();
        for (int k = 0; k < 12; k++) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
        }
        return new String(chars);
    }

    @Test
    void onlyTheBudgetIsRead() {
        String huge = "x".repeat(EvidenceParser.MAX_CHARS) + "\nEvent ID: 1511\n";
        assertThat(parser.parse(new ArrayList<>(List.of(huge)))).isEmpty();
    }
}
