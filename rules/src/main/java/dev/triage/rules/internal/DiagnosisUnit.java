package dev.triage.rules.internal;

import dev.triage.rules.ArticleFact;
import dev.triage.rules.CodeFact;
import dev.triage.rules.ProbeFinding;
import dev.triage.rules.internal.evidence.ClientLogError;
import dev.triage.rules.internal.evidence.DialledAddress;
import dev.triage.rules.internal.evidence.EventLogEntry;
import dev.triage.rules.internal.evidence.ListenerListing;
import dev.triage.rules.internal.evidence.UserDnsLookup;
import dev.triage.rules.internal.evidence.UserPing;
import dev.triage.rules.internal.evidence.UserTcpTest;
import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The one rule unit: every DRL file in this package declares {@code unit DiagnosisUnit;}. Inputs are data stores the
 * rules only read; {@link #getOut()} is where they write. One instance per diagnosis.
 */
public final class DiagnosisUnit implements RuleUnitData {
    private final DataStore<CodeFact> codes = DataSource.createStore();
    private final DataStore<CodePointer> codePointers = DataSource.createStore();
    private final DataStore<Signal> signals = DataSource.createStore();
    private final DataStore<Answer> answers = DataSource.createStore();
    private final DataStore<ArticleFact> articles = DataSource.createStore();
    private final DataStore<ProbeFinding> findings = DataSource.createStore();
    private final DataStore<CauseInfo> causes = DataSource.createStore();
    private final DataStore<TargetHost> targets = DataSource.createStore();
    private final DataStore<UserTcpTest> userTcpTests = DataSource.createStore();
    private final DataStore<UserDnsLookup> userLookups = DataSource.createStore();
    private final DataStore<UserPing> userPings = DataSource.createStore();
    private final DataStore<EventLogEntry> events = DataSource.createStore();
    private final DataStore<ClientLogError> clientErrors = DataSource.createStore();
    private final DataStore<ListenerListing> listenerListings = DataSource.createStore();
    private final DataStore<HealthyServer> healthyServers = DataSource.createStore();
    private final DataStore<DialledAddress> dialledAddresses = DataSource.createStore();
    private final Outputs out = new Outputs();

    /** Puts a fact into the store of its type. */
    void add(Object fact) {
        if (fact instanceof CodeFact c) {
            codes.add(c);
        } else if (fact instanceof CodePointer p) {
            codePointers.add(p);
        } else if (fact instanceof Signal s) {
            signals.add(s);
        } else if (fact instanceof Answer a) {
            answers.add(a);
        } else if (fact instanceof ArticleFact a) {
            articles.add(a);
        } else if (fact instanceof ProbeFinding f) {
            findings.add(f);
        } else if (fact instanceof CauseInfo c) {
            causes.add(c);
        } else if (fact instanceof TargetHost t) {
            targets.add(t);
        } else if (fact instanceof UserTcpTest t) {
            userTcpTests.add(t);
        } else if (fact instanceof UserDnsLookup l) {
            userLookups.add(l);
        } else if (fact instanceof UserPing p) {
            userPings.add(p);
        } else if (fact instanceof EventLogEntry e) {
            events.add(e);
        } else if (fact instanceof ClientLogError e) {
            clientErrors.add(e);
        } else if (fact instanceof ListenerListing l) {
            listenerListings.add(l);
        } else if (fact instanceof HealthyServer h) {
            healthyServers.add(h);
        } else if (fact instanceof DialledAddress d) {
            dialledAddresses.add(d);
        } else {
            throw new IllegalArgumentException("not a rule fact: " + fact.getClass().getName());
        }
    }

    public DataStore<CodeFact> getCodes() {
        return codes;
    }

    public DataStore<CodePointer> getCodePointers() {
        return codePointers;
    }

    public DataStore<Signal> getSignals() {
        return signals;
    }

    public DataStore<Answer> getAnswers() {
        return answers;
    }

    public DataStore<ArticleFact> getArticles() {
        return articles;
    }

    public DataStore<ProbeFinding> getFindings() {
        return findings;
    }

    public DataStore<CauseInfo> getCauses() {
        return causes;
    }

    public DataStore<HealthyServer> getHealthyServers() {
        return healthyServers;
    }

    public DataStore<TargetHost> getTargets() {
        return targets;
    }

    public DataStore<UserTcpTest> getUserTcpTests() {
        return userTcpTests;
    }

    public DataStore<UserDnsLookup> getUserLookups() {
        return userLookups;
    }

    public DataStore<UserPing> getUserPings() {
        return userPings;
    }

    public DataStore<EventLogEntry> getEvents() {
        return events;
    }

    public DataStore<ListenerListing> getListenerListings() {
        return listenerListings;
    }

    public DataStore<ClientLogError> getClientErrors() {
        return clientErrors;
    }

    public DataStore<DialledAddress> getDialledAddresses() {
        return dialledAddresses;
    }

    public Outputs getOut() {
        return out;
    }
}
