package org.broadside.deliverability.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.broadside.deliverability.dkim.DkimRecordCheck.Verdict;
import org.broadside.deliverability.dns.ZoneResolver;
import org.junit.jupiter.api.Test;

class DkimRecordCheckTest {
    private final ZoneResolver zone = new ZoneResolver();
    private final KeyPair rsa = pair(DkimKeyType.RSA);
    private final KeyPair ed = pair(DkimKeyType.ED25519);

    @Test
    void publishedRecordSplitOverSeveralStringsMatches() {
        String text = DkimKeys.recordText(rsa.getPublic());
        zone.txt("s1._domainkey.example.test", text.substring(0, 255), text.substring(255));

        var r = DkimRecordCheck.compare(zone.lookup(), "example.test", "s1", rsa.getPublic());

        assertThat(r.verdict()).isEqualTo(Verdict.MATCHES);
    }

    @Test
    void ed25519RecordMatches() {
        zone.txt("e1._domainkey.example.test", DkimKeys.recordText(ed.getPublic()));

        assertThat(DkimRecordCheck.compare(zone.lookup(), "example.test", "e1", ed.getPublic()).verdict())
                .isEqualTo(Verdict.MATCHES);
    }

    @Test
    void missingRecordIsReported() {
        assertThat(DkimRecordCheck.compare(zone.lookup(), "example.test", "s1", rsa.getPublic()).verdict())
                .isEqualTo(Verdict.MISSING);
    }

    @Test
    void recordOfAnotherKeyIsADifferentKey() {
        zone.txt("s1._domainkey.example.test", DkimKeys.recordText(pair(DkimKeyType.RSA).getPublic()));

        var r = DkimRecordCheck.compare(zone.lookup(), "example.test", "s1", rsa.getPublic());

        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT_KEY);
        assertThat(r.detail()).contains("not the key Broadside signs with");
    }

    @Test
    void recordOfTheOtherKeyTypeIsADifferentKey() {
        zone.txt("s1._domainkey.example.test", DkimKeys.recordText(ed.getPublic()));

        assertThat(DkimRecordCheck.compare(zone.lookup(), "example.test", "s1", rsa.getPublic()).verdict())
                .isEqualTo(Verdict.DIFFERENT_KEY);
    }

    @Test
    void emptyKeyMeansRevoked() {
        zone.txt("s1._domainkey.example.test", "v=DKIM1; k=rsa; p=");

        assertThat(DkimRecordCheck.compare(zone.lookup(), "example.test", "s1", rsa.getPublic()).verdict())
                .isEqualTo(Verdict.REVOKED);
    }

    @Test
    void dnsFailureIsNotMistakenForAMissingRecord() {
        zone.servfail("s1._domainkey.example.test");

        assertThat(DkimRecordCheck.compare(zone.lookup(), "example.test", "s1", rsa.getPublic()).verdict())
                .isEqualTo(Verdict.LOOKUP_FAILED);
    }

    private static KeyPair pair(DkimKeyType t) {
        try {
            return DkimKeys.newKeyPair(t);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
