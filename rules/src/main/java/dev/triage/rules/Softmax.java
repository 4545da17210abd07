package dev.triage.rules;

/**
 * The constants that turn cause scores into confidences:
 * {@code p(c) = exp(s(c)/T) / (exp(S0/T) + sum_j exp(s(j)/T))}.
 *
 * @param temperature T, points of evidence per factor e of odds
 * @param unexplained S0, the score of "a cause we have no evidence for"
 */
public record Softmax(double temperature, double unexplained) {
    public Softmax {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0: " + temperature);
        }
    }
}
