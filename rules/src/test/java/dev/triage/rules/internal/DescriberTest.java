package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescriberTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675, 3.14159, 9.995, 12.5, 123456.785, 1e-7, 3e20,
            -1.235, Double.NaN, Double.POSITIVE_INFINITY})
    void twoDecimalsPrintsWhatFormatPrints(double score) {
        assertThat(Describer.twoDecimals(score)).isEqualTo(String.format(Locale.ROOT, "%.2f", score));
    }
}
