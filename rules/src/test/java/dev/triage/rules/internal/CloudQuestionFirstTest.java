package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.Question;
import dev.triage.rules.RankedCause;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A paste that names a VM but no cloud, led by a cause that exists only in Azure (the serial console's words propose
 * a VM that did not boot): the deciding question is where the VM runs, because two of its three answers take the
 * leader out (issue 13, session 14's th009, a Compute Engine VM read as Azure; session 15, branch planner). Until
 * session 15 "another cloud" took the Azure causes only -10, and the serial console's +12 with its article kept the
 * boot cause ranked after the answer (answers.tsv: -20, a rule-out by definition). The texts are made up.
 */
class CloudQuestionFirstTest {
    private final Engine engine = Engine.load();

    private static final String VM_NO_CLOUD = "Cannot RDP to my Windows VM since this morning, the connection times"
            + " out. I opened the serial console and it shows the boot log.";

    @Test
    void whereTheVmRunsIsAskedFirstWhileAnAzureOnlyCauseLeads() {
        Diagnosis d = engine.diagnose(CaseFacts.ofText(VM_NO_CLOUD));
        assertThat(d.causes().get(0).id()).startsWith("azure.");
        assertThat(d.questions()).extracting(Question::id).first().isEqualTo("environment");
    }

    @Test
    void anotherCloudTakesTheAzureCausesOut() {
        Diagnosis d = engine.diagnose(new CaseFacts(List.of(VM_NO_CLOUD), List.of(),
                Map.of("environment", "other-cloud"), List.of(), List.of(), Optional.empty()));
        assertThat(d.causes()).extracting(RankedCause::id).noneMatch(id -> id.startsWith("azure."));
    }
}
