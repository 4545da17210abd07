package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.Diagnoser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batches of real cases collected from public threads (C, then D, E, F and H: the categories where text-only
 * misses clustered: bastions and web gateways, RDP Wrapper after updates, "access denied", licensing, localised dialogs,
 * clients too old). Each was split before tuning into a development half and a held-out half by the parity of the
 * first byte of SHA-256 of the source URL (even: development). Only the development half is tuned on; the held-out
 * half is measured once (docs/accuracy.md) and deliberately has no floor: a floor set after looking at it would be
 * tuning. Batch G holds documented symptom -> cause scenarios from vendor troubleshooting articles, one case per
 * scenario with the section as the source's #fragment; its split hashes the article URL without the fragment, so all
 * scenarios of one article land in the same half. Batch I holds user threads again (eleven GitHub issues: the
 * corpora searched held no forum threads with a confirmed fix). Batch J, collected in the same session, is a second
 * set of documented scenarios, drawn mostly from pages no earlier batch or article cites (other clouds' FAQs, further
 * Microsoft Learn articles), at most four scenarios per page so no page dominates. Batch K (session 8) is user threads
 * again, mostly from projects earlier batches hardly mined (MeshCentral, WSL desktops, Guacamole images, Proxmox, Azure
 * doc feedback), each with a cause the poster, a maintainer or a vendor document confirmed. Batch L (issue 13) is user
 * threads again, drawn where earlier batches had not been (Hyper-V enhanced sessions, GNOME Remote Desktop, Docker and
 * Vagrant Windows guests, Guacamole installers, rdesktop, account and licensing threads), one confirmed cause each.
 * Batch M (issue 13) comes mostly from outside GitHub, where earlier batches had already used most RDP threads: vendor
 * and Microsoft event-ID documents, cloud and bastion vendors' knowledge bases and admins' blog posts, at most four
 * scenarios per page; three cases from machine-written summaries of forum threads were dropped before measuring.
 * Batch N (issue 13) is users' own posts again, from forum and Q&A threads and GitHub projects earlier batches had
 * not mined, one confirmed cause each.
 * Batch O (issue 13) leans on localised posts (Chinese and Japanese users' GitHub issues and blog posts, Japanese and
 * Chinese vendor documents) with each post's own language kept and an English rendering beside it, plus GitHub
 * projects earlier batches had not mined.
 * Batch P (issue 13) is users' posts from projects earlier batches had not mined (phpVirtualBox, MeshCentral plugins,
 * IronRDP-based clients), admins' blog posts and a Microsoft Q&A thread, Japanese and Chinese posts kept as in O.
 * Batch Q (issue 13) comes two thirds from outside GitHub (university helpdesk pages, a hosting provider's knowledge
 * base, admins' and users' blog posts in Russian and Chinese, a Super User thread), the rest GitHub threads not mined.
 * Batch R (issue 13) comes four fifths from outside GitHub (administrators' own blog posts about an incident, some in
 * Japanese and Chinese, a consultant's Azure Virtual Desktop write-up, Microsoft's Windows 7 help, a technical article,
 * vendor knowledge-base pages), the rest GitHub threads not mined, one confirmed or documented cause each.
 * Batch S (issue 13) comes two thirds from outside GitHub (hosting providers' and a cloud's documentation pages, university
 * IT knowledge bases, IT providers' and admins' articles), the rest GitHub threads of projects hardly mined.
 * Batch T (issue 13) is users' own posts chosen for the setup facts the follow-up questions ask (GitHub issues and
 * discussions of projects hardly mined, GitLab Remmina issues, admins' gists), one stated resolution each.
 * Batch U (issue 13) is users' posts with the setup facts the follow-up questions ask, from threads earlier batches had
 * not used (RDP Wrapper, FreeRDP 2.1.x, Guacamole installers, hardening tools, rport, a Japanese admin's blog) plus one
 * documented vendor error-code scenario; its held-out half is measured by the next session.
 * Batch V (issue 13) comes three quarters from outside GitHub (hosting, cloud and client vendors' knowledge bases, a
 * university IT page, developers' and admins' own blog posts), the rest RDP Wrapper threads not used before, with the
 * setup facts the follow-up questions ask; its held-out half is measured by the next session.
 * Batch W (issue 13) is two thirds from outside GitHub (a cloud vendor's Chinese FAQ, a Microsoft support article,
 * admins' and developers' own blog posts in English and Chinese), the rest blog and documentation files kept on GitHub,
 * with the setup facts the follow-up questions ask; its held-out half is measured by the next session.
 * Batch X (issue 13) is half users' own GitHub threads from projects earlier batches hardly used (WSL desktops, WinApps,
 * mRemoteNG, xrdp, an installer's firewall) and half troubleshooting documents no earlier batch cites (Microsoft Learn
 * articles, at most two scenarios per page, and a Japanese developer's notes); its held-out half, with W's and Y's, is measured once at the end of session 16.
 * Batch Y (issue 13) is documented symptom -> cause scenarios from vendor troubleshooting documents no earlier batch
 * or article cites (Microsoft Learn for Windows 365, Azure Virtual Desktop and Lab Services, AWS Lightsail and EC2,
 * Tencent Cloud, Devolutions, the Guacamole manual), at most four per page and about a third from any one vendor,
 * with the setup facts each document states; collected beside X and measured with it.
 * Batch Z (issue 13) is documented symptom -> cause scenarios again, from vendor documents no earlier batch or article
 * cites (Microsoft's Remote Desktop clients FAQ, Google's IAP Desktop, Tencent Cloud, an Alibaba Cloud answer, JumpServer),
 * at most four per page and a third from any one vendor; its held-out half is measured by the next session.
 */
class CollectedBatchesTest {
    private static final List<String> BEFORE_THE_BATCHES =
            List.of("/eval/rdp-found-cases.jsonl", "/eval/rdp-heldout-cases.jsonl");

    /** A batch: its two halves, their id patterns, and the files collected before it. */
    record Batch(String name, String devFile, String devIds, String heldOutFile, String heldOutIds,
            List<String> earlier) {
        LabelledCaseFile dev() {
            return LabelledCaseFile.read(devFile);
        }

        LabelledCaseFile heldOut() {
            return LabelledCaseFile.read(heldOutFile);
        }

        @Override
        public String toString() {
            return "batch " + name;
        }
    }

    static Stream<Batch> batches() {
        Batch c = new Batch("C", "/eval/rdp-batch-c-dev.jsonl", "c\\d{3}", "/eval/rdp-batch-c-heldout.jsonl",
                "d\\d{3}", BEFORE_THE_BATCHES);
        List<String> beforeD = new ArrayList<>(BEFORE_THE_BATCHES);
        beforeD.addAll(List.of(c.devFile(), c.heldOutFile()));
        Batch d = new Batch("D", "/eval/rdp-batch-d-dev.jsonl", "e\\d{3}", "/eval/rdp-batch-d-heldout.jsonl",
                "x\\d{3}", beforeD);
        List<String> beforeE = new ArrayList<>(beforeD);
        beforeE.addAll(List.of(d.devFile(), d.heldOutFile()));
        Batch e = new Batch("E", "/eval/rdp-batch-e-dev.jsonl", "g\\d{3}", "/eval/rdp-batch-e-heldout.jsonl",
                "k\\d{3}", beforeE);
        List<String> beforeF = new ArrayList<>(beforeE);
        beforeF.addAll(List.of(e.devFile(), e.heldOutFile()));
        Batch f = new Batch("F", "/eval/rdp-batch-f-dev.jsonl", "m\\d{3}", "/eval/rdp-batch-f-heldout.jsonl",
                "n\\d{3}", beforeF);
        List<String> beforeG = new ArrayList<>(beforeF);
        beforeG.addAll(List.of(f.devFile(), f.heldOutFile()));
        Batch g = new Batch("G", "/eval/rdp-batch-g-dev.jsonl", "p\\d{3}", "/eval/rdp-batch-g-heldout.jsonl",
                "q\\d{3}", beforeG);
        // G and H were collected in the same session; H is checked against G too so no source is in both.
        List<String> beforeH = new ArrayList<>(beforeG);
        beforeH.addAll(List.of(g.devFile(), g.heldOutFile()));
        Batch h = new Batch("H", "/eval/rdp-batch-h-dev.jsonl", "r\\d{3}", "/eval/rdp-batch-h-heldout.jsonl",
                "s\\d{3}", beforeH);
        // I (user threads) and J (documented scenarios, like G) were collected in the same session; J is checked
        // against I too so no source is in both.
        List<String> beforeI = new ArrayList<>(beforeH);
        beforeI.addAll(List.of(h.devFile(), h.heldOutFile()));
        Batch i = new Batch("I", "/eval/rdp-batch-i-dev.jsonl", "t\\d{3}", "/eval/rdp-batch-i-heldout.jsonl",
                "u\\d{3}", beforeI);
        List<String> beforeJ = new ArrayList<>(beforeI);
        beforeJ.addAll(List.of(i.devFile(), i.heldOutFile()));
        Batch j = new Batch("J", "/eval/rdp-batch-j-dev.jsonl", "v\\d{3}", "/eval/rdp-batch-j-heldout.jsonl",
                "w\\d{3}", beforeJ);
        List<String> beforeK = new ArrayList<>(beforeJ);
        beforeK.addAll(List.of(j.devFile(), j.heldOutFile()));
        Batch k = new Batch("K", "/eval/rdp-batch-k-dev.jsonl", "y\\d{3}", "/eval/rdp-batch-k-heldout.jsonl",
                "z\\d{3}", beforeK);
        List<String> beforeL = new ArrayList<>(beforeK);
        beforeL.addAll(List.of(k.devFile(), k.heldOutFile()));
        Batch l = new Batch("L", "/eval/rdp-batch-l-dev.jsonl", "a\\d{3}", "/eval/rdp-batch-l-heldout.jsonl",
                "b\\d{3}", beforeL);
        List<String> beforeM = new ArrayList<>(beforeL);
        beforeM.addAll(List.of(l.devFile(), l.heldOutFile()));
        Batch m = new Batch("M", "/eval/rdp-batch-m-dev.jsonl", "i\\d{3}", "/eval/rdp-batch-m-heldout.jsonl",
                "j\\d{3}", beforeM);
        List<String> beforeN = new ArrayList<>(beforeM);
        beforeN.addAll(List.of(m.devFile(), m.heldOutFile()));
        Batch n = new Batch("N", "/eval/rdp-batch-n-dev.jsonl", "l\\d{3}", "/eval/rdp-batch-n-heldout.jsonl",
                "o\\d{3}", beforeN);
        List<String> beforeO = new ArrayList<>(beforeN);
        beforeO.addAll(List.of(n.devFile(), n.heldOutFile()));
        Batch o = new Batch("O", "/eval/rdp-batch-o-dev.jsonl", "od\\d{3}", "/eval/rdp-batch-o-heldout.jsonl",
                "oh\\d{3}", beforeO);
        List<String> beforeP = new ArrayList<>(beforeO);
        beforeP.addAll(List.of(o.devFile(), o.heldOutFile()));
        Batch p = new Batch("P", "/eval/rdp-batch-p-dev.jsonl", "pd\\d{3}", "/eval/rdp-batch-p-heldout.jsonl",
                "ph\\d{3}", beforeP);
        List<String> beforeQ = new ArrayList<>(beforeP);
        beforeQ.addAll(List.of(p.devFile(), p.heldOutFile()));
        Batch q = new Batch("Q", "/eval/rdp-batch-q-dev.jsonl", "qd\\d{3}", "/eval/rdp-batch-q-heldout.jsonl",
                "qh\\d{3}", beforeQ);
        List<String> beforeR = new ArrayList<>(beforeQ);
        beforeR.addAll(List.of(q.devFile(), q.heldOutFile()));
        Batch r = new Batch("R", "/eval/rdp-batch-r-dev.jsonl", "rd\\d{3}", "/eval/rdp-batch-r-heldout.jsonl",
                "rh\\d{3}", beforeR);
        List<String> beforeS = new ArrayList<>(beforeR);
        beforeS.addAll(List.of(r.devFile(), r.heldOutFile()));
        Batch s = new Batch("S", "/eval/rdp-batch-s-dev.jsonl", "sd\\d{3}", "/eval/rdp-batch-s-heldout.jsonl",
                "sh\\d{3}", beforeS);
        List<String> beforeT = new ArrayList<>(beforeS);
        beforeT.addAll(List.of(s.devFile(), s.heldOutFile()));
        Batch t = new Batch("T", "/eval/rdp-batch-t-dev.jsonl", "td\\d{3}", "/eval/rdp-batch-t-heldout.jsonl",
                "th\\d{3}", beforeT);
        List<String> beforeU = new ArrayList<>(beforeT);
        beforeU.addAll(List.of(t.devFile(), t.heldOutFile()));
        Batch u = new Batch("U", "/eval/rdp-batch-u-dev.jsonl", "ud\\d{3}", "/eval/rdp-batch-u-heldout.jsonl",
                "uh\\d{3}", beforeU);
        List<String> beforeV = new ArrayList<>(beforeU);
        beforeV.addAll(List.of(u.devFile(), u.heldOutFile()));
        Batch v = new Batch("V", "/eval/rdp-batch-v-dev.jsonl", "vd\\d{3}", "/eval/rdp-batch-v-heldout.jsonl",
                "vh\\d{3}", beforeV);
        List<String> beforeW = new ArrayList<>(beforeV);
        beforeW.addAll(List.of(v.devFile(), v.heldOutFile()));
        Batch w = new Batch("W", "/eval/rdp-batch-w-dev.jsonl", "wd\\d{3}", "/eval/rdp-batch-w-heldout.jsonl",
                "wh\\d{3}", beforeW);
        List<String> beforeX = new ArrayList<>(beforeW);
        beforeX.addAll(List.of(w.devFile(), w.heldOutFile()));
        Batch x = new Batch("X", "/eval/rdp-batch-x-dev.jsonl", "xd\\d{3}", "/eval/rdp-batch-x-heldout.jsonl",
                "xh\\d{3}", beforeX);
        List<String> beforeY = new ArrayList<>(beforeX);
        beforeY.addAll(List.of(x.devFile(), x.heldOutFile()));
        Batch y = new Batch("Y", "/eval/rdp-batch-y-dev.jsonl", "yd\\d{3}", "/eval/rdp-batch-y-heldout.jsonl",
                "yh\\d{3}", beforeY);
        List<String> beforeZ = new ArrayList<>(beforeY);
        beforeZ.addAll(List.of(y.devFile(), y.heldOutFile()));
        Batch z = new Batch("Z", "/eval/rdp-batch-z-dev.jsonl", "zd\\d{3}", "/eval/rdp-batch-z-heldout.jsonl",
                "zh\\d{3}", beforeZ);
        return Stream.of(c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z);
    }

    @ParameterizedTest
    @MethodSource("batches")
    void bothHalvesAreWellFormed(Batch batch) {
        Diagnoser diagnoser = Diagnoser.create();
        Set<String> causes = diagnoser.causeIds();
        batch.dev().assertWellFormed(batch.devIds(), causes);
        batch.heldOut().assertWellFormed(batch.heldOutIds(), causes);
        batch.dev().assertIdsAndSourcesUnique();
        batch.heldOut().assertIdsAndSourcesUnique();
        // A dialogue evaluation answers from these; an answer the catalog does not offer would stop it mid-file.
        batch.dev().assertAnswersFit(diagnoser);
        batch.heldOut().assertAnswersFit(diagnoser);
    }

    @ParameterizedTest
    @MethodSource("batches")
    void eachCaseIsInTheHalfItsSourceHashSays(Batch batch) {
        assertThat(batch.dev().sources()).allMatch(s -> firstByteOfSha256(withoutFragment(s)) % 2 == 0);
        assertThat(batch.heldOut().sources()).allMatch(s -> firstByteOfSha256(withoutFragment(s)) % 2 == 1);
    }

    @ParameterizedTest
    @MethodSource("batches")
    void noThreadIsInAnEarlierBatchOrInBothHalves(Batch batch) {
        List<String> earlier = new ArrayList<>();
        batch.earlier().forEach(file -> earlier.addAll(pages(LabelledCaseFile.read(file).sources())));
        List<String> dev = pages(batch.dev().sources());
        List<String> heldOut = pages(batch.heldOut().sources());
        assertThat(dev).doesNotContainAnyElementsOf(earlier).doesNotContainAnyElementsOf(heldOut);
        assertThat(heldOut).doesNotContainAnyElementsOf(earlier);
    }

    @ParameterizedTest
    @MethodSource("batches")
    void noIdIsInAnEarlierBatchOrInBothHalves(Batch batch) {
        List<String> earlier = new ArrayList<>();
        batch.earlier().forEach(file -> earlier.addAll(LabelledCaseFile.read(file).ids()));
        assertThat(batch.dev().ids()).doesNotContainAnyElementsOf(earlier)
                .doesNotContainAnyElementsOf(batch.heldOut().ids());
        assertThat(batch.heldOut().ids()).doesNotContainAnyElementsOf(earlier);
    }

    /** The pages the sources cite: several scenarios of one article are one page. */
    private static List<String> pages(List<String> sources) {
        return sources.stream().map(CollectedBatchesTest::withoutFragment).toList();
    }

    private static String withoutFragment(String source) {
        int hash = source.indexOf('#');
        return hash < 0 ? source : source.substring(0, hash);
    }

    private static int firstByteOfSha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))[0] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
