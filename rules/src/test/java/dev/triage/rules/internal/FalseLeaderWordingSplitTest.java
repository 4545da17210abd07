package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three families whose most generic member carried the family's strongest row (issue 13, session 15, branch
 * falselead), found by counting which rows made a wrong cause lead on the development cases: a bare "freezes" gave an
 * unstable VPN +5 (4 posts, none of it); mstsc's protocol-error frame gave the display driver +8 whatever code it held
 * (8 posts, none of it); "Connection reset by peer" gave a middlebox that cuts idle connections +6 beside +3 for the
 * other causes that reset a stream (8 posts, none of it); VirtualBox and Docker, named, gave a changed name's address +6
 * like Hyper-V's Default Switch, though they reach a guest through a forwarded port (13 posts, none about a name). Made-up
 * texts in mstsc's, FreeRDP's and users' wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FalseLeaderWordingSplitTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    /** A frozen picture is the session's picture first; the path only when the link gives way too. */
    @Test
    void aBareFreezeIsAFrozenPictureNotALossyLink() {
        String frozen = "When I work in the remote desktop it sometimes freezes and only Ctrl+Alt+Del brings it back.";
        assertThat(textSignals(frozen)).contains("screen-frozen").doesNotContain("unstable");
        assertThat(fire.rowsOf(frozen, "unstable")).isEmpty();
        assertThat(ranked(frozen).get(0)).isNotEqualTo("net.vpn-unstable");
    }

    /** The article's own compound, a freeze and then a reconnect, still reads as the path. */
    @Test
    void aFreezeThatReconnectsIsStillThePath() {
        String reconnects = "Over the VPN the screen freezes then it reconnects, every few minutes.";
        assertThat(textSignals(reconnects)).contains("unstable", "screen-frozen");
        fire.assertRaisesRow("unstable", "net.vpn-unstable", 5, reconnects);
        assertThat(ranked(reconnects).get(0)).isEqualTo("net.vpn-unstable");
    }

    /** The frame of every protocol-range code names no layer; the graphics code inside it does. */
    @Test
    void theProtocolErrorFrameAloneIsNoDisplayDriver() {
        String frame = "Because of a protocol error (code: 0x1104), the remote session will be disconnected. "
                + "Please try connecting to the remote computer again.";
        fire.assertRaisesRow("protocol-error", "session.display-driver", 2, frame);
        assertThat(fire.rowsOf(frame, "graphics-failure")).isEmpty();
        assertThat(textWeight(frame, "session.display-driver")).isLessThanOrEqualTo(2);
    }

    @Test
    void theGraphicsCodeInTheFrameStillNamesTheDisplayDriver() {
        String graphics = "Because of a protocol error (code: 0x112f), the remote session will be disconnected.";
        fire.assertRaisesRow("graphics-failure", "session.display-driver", 8, graphics);
        assertThat(ranked(graphics).get(0)).isEqualTo("session.display-driver");
        fire.assertRaisesRow("graphics-failure", "session.display-driver", 8,
                "The session drops whenever the GPU driver on the host resets.");
    }

    /** A reset says something cut the stream, not which of the things that cut streams did. */
    @Test
    void aResetStreamWeighsTheMiddleboxNoMoreThanTheOtherCutters() {
        String reset = "xfreerdp fails: BIO_read returned a system error 104: Connection reset by peer";
        fire.assertRaisesRow("reset", "net.idle-reset", 3, reset);
        fire.assertRaisesRow("reset", "server.av-ids-blocking", 3, reset);
        fire.assertRaisesRow("reset", "net.vpn-unstable", 3, reset);
    }

    /** A forwarded or published port is a port, not a name: only Hyper-V's Default Switch moves the address. */
    @Test
    void aContainerOrVirtualBoxGuestIsReachedByAPortNotAName() {
        String docker = "I run xrdp in a Docker container with -p 3390:3389 and mstsc cannot connect to it.";
        String virtualbox = "RDP into my VirtualBox guest through the NAT port forward stopped working.";
        for (String text : List.of(docker, virtualbox)) {
            assertThat(Fire.said(fire.text(text))).as(text)
                    .noneMatch(t -> t.toList().get(1).equals("net.dns-wrong")
                            && ((String) t.toList().get(0)).startsWith("environment:"));
            assertThat(Fire.said(fire.text(text))).as(text)
                    .anyMatch(t -> t.toList().get(1).equals("net.port-changed")
                            && ((String) t.toList().get(0)).startsWith("environment:"));
        }
        assertThat(Fire.said(fire.text("My Hyper-V VM on the Default Switch cannot be reached by its name anymore.")))
                .anyMatch(t -> t.toList().get(1).equals("net.dns-wrong")
                        && ((String) t.toList().get(0)).startsWith("environment:"));
    }

    private Set<String> textSignals(String text) {
        return extractor.extract(List.of(text)).stream().filter(s -> s.family().equals("text")).map(Signal::id)
                .collect(Collectors.toSet());
    }

    private int textWeight(String message, String cause) {
        return fire.text(message).contributions().stream()
                .filter(c -> !c.hypothetical() && c.causeId().equals(cause) && c.rule().startsWith("text:"))
                .mapToInt(Contribution::weight).sum();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
