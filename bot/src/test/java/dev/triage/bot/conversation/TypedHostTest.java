package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedHostTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:3389", "10.1.2.3", "rdp01.corp.example.com", "rdp01", "rdp01:3390",
            "[2001:db8::1]:3389", "2001:db8::1", " server.example.org "})
    void aLoneHostNamesTheComputer(String typed) {
        assertThat(Conversations.hostLike(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "3389", "yes", "yes.", "no idea", "on-prem", "azure", "it works", "ok."})
    void wordsAndNumbersAreNotHosts(String typed) {
        assertThat(Conversations.hostLike(typed)).isFalse();
    }
}
