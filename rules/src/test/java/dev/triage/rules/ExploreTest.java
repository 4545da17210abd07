package dev.triage.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void print() {
        long t0 = System.nanoTime();
        Diagnoser d = Diagnoser.create();
        System.out.println("create ms " + (System.nanoTime() - t0) / 1e6);
        for (Map<String, String> answers : List.of(Map.<String, String>of(), Map.of("environment", "azure"), Map.of("other-hosts-work", "yes"))) {
            Diagnosis dx = d.diagnose(Cases.dialog0x904(answers, List.of()));
            System.out.println("== " + answers);
            dx.causes().forEach(c -> System.out.printf("%-32s %.3f %s%n", c.id(), c.confidence(), c.evidence().get(0)));
            dx.questions().forEach(q -> System.out.println("  Q " + q.id()));
        }
    }
}
