package dev.triage.knowledge.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.CauseHint;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NTSTATUS values as logon and CredSSP logs print them, without {@code 0x}. */
class BareNtStatusDecodingTest {
    private final CodeDecoder decoder = new CodeDecoder(CodeTables.load());

    @Test
    void aCredsspErrorCodeWithoutItsPrefixIsTheNtStatusItNames() {
        List<DecodedCode> codes = decoder.decode("rdpproxy: INFO -- Credssp recvTSCredentials() ErrorCode = c0000224,"
                + " Facility = 0, Code = 224");

        assertThat(codes).extracting(DecodedCode::name).contains("STATUS_PASSWORD_MUST_CHANGE");
        DecodedCode code = codes.stream().filter(c -> c.name().equals("STATUS_PASSWORD_MUST_CHANGE")).findFirst()
                .orElseThrow();
        assertThat(code.kind()).isEqualTo(CodeKind.WINDOWS_STATUS);
        assertThat(code.code()).isEqualTo("0xc0000224");
        assertThat(code.causes()).extracting(CauseHint::causeId).containsExactly("auth.account-locked-or-expired");
    }

    @Test
    void anUpperCaseStatusFromTheSecurityLogIsReadToo() {
        assertThat(decoder.decode("Status: C000006D Sub Status: C000006A")).extracting(DecodedCode::name)
                .containsExactly("STATUS_LOGON_FAILURE", "STATUS_WRONG_PASSWORD");
    }

    @Test
    void anUnlistedValueOrAHexFragmentIsLeftAlone() {
        assertThat(decoder.decode("commit c0ffee12 and hash c0123456 and c0000224abc")).isEmpty();
    }
}
