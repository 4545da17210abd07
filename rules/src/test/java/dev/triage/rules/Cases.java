package dev.triage.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for test cases. */
final class Cases {
    static final String DIALOG_0X904 = """
            [Window Title]
            Remote Desktop Connection
            [Content]
            This computer can't connect to the remote computer. Try connecting again. If the problem continues, \
            contact the owner of the remote computer or your network administrator.
            [Expanded Information]
            Error code: 0x904
            Extended error code: 0x7
            """;

    /** Labelled and spelled as the decoder hands them to the rules. */
    static final List<CodeFact> CODES_0X904 = List.of(
            new CodeFact("disconnect", "0x904", 0x904, "disconnectReasonAtClientWinsockFDCLOSE", Map.of(), "error code",
                    "0x904"),
            new CodeFact("extended", "0x7", 0x7, "exDiscReasonServerDeniedConnection", Map.of(), "extended error code",
                    "0x7"));

    private Cases() {}

    static CaseFacts dialog0x904(Map<String, String> answers, List<ProbeFinding> findings) {
        return new CaseFacts(List.of(DIALOG_0X904), CODES_0X904, answers, List.of(), findings, Optional.empty());
    }

    /** mstsc's 0x904 without an extended code: the socket closed and the server said nothing (socket-closed.drl). */
    static CaseFacts closedSocket(Map<String, String> answers) {
        return new CaseFacts(List.of(DIALOG_0X904.replace("Extended error code: 0x7\n", "")), CODES_0X904.subList(0, 1),
                answers, List.of(), List.of(), Optional.empty());
    }

    static CaseFacts text(String text, List<CodeFact> codes) {
        return new CaseFacts(List.of(text), codes, Map.of(), List.of(), List.of(), Optional.empty());
    }
}
