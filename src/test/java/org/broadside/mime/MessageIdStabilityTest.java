package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.mime.MimeFixtures.*;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdStabilityTest {

    @Test
    void messageIdDependsOnlyOnCampaignAndRecipient() {
        String a = MessageIds.forRecipient("c1", "ann@example.org", "example.com");

        assertThat(MessageIds.forRecipient("c1", "ann@example.org", "example.com")).isEqualTo(a);
        assertThat(MessageIds.forRecipient("c2", "ann@example.org", "example.com")).isNotEqualTo(a);
        assertThat(MessageIds.forRecipient("c1", "bob@example.org", "example.com")).isNotEqualTo(a);
        assertThat(a).matches("<[A-Z2-7]{26}@example\\.com>");
    }

    @Test
    void messageIdSeparatesCampaignFromRecipientSoConcatenationsDoNotCollide() {
        assertThat(MessageIds.forRecipient("ab", "c", "x.org")).isNotEqualTo(MessageIds.forRecipient("a", "bc", "x.org"));
    }

    @Test
    void messageIdUsesPunycodeForIdnDomains() {
        assertThat(MessageIds.forRecipient("c", "r", "bücher.example")).endsWith("@xn--bcher-kva.example>");
    }

    @Test
    void repeatedWritesAreByteIdentical() throws Exception {
        MessageLayout layout = layout(true, true, false, List.of(), List.of());
        MimeTemplate template = MimeTemplate.prepare(layout);
        RenderedMessage m = message("Grüße", "Text ü", "<p>HTML ü</p>");

        byte[] first = template.toBytes(m);
        template.toBytes(message("other", "other", "<p>other</p>"));

        assertThat(template.toBytes(m)).isEqualTo(first);
        assertThat(MimeTemplate.prepare(layout).toBytes(m)).isEqualTo(first);
    }

    @Test
    void angusMessageKeepsItsMessageIdAcrossSaveChangesAndWriteTo() throws Exception {
        MessageLayout layout = layout(true, false, false, List.of(), List.of());
        MimeMessage msg = AngusMessageFactory.build(layout, message("s", "t", null));

        msg.saveChanges();
        byte[] once = bytesOf(msg);
        msg.saveChanges();
        byte[] twice = bytesOf(msg);

        assertThat(msg.getMessageID()).isEqualTo(ID);
        assertThat(parse(once).getMessageID()).isEqualTo(ID);
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void templateWritesTheGivenMessageId() throws Exception {
        byte[] bytes = MimeTemplate.prepare(layout(true, false, false, List.of(), List.of())).toBytes(message("s", "t", null));

        assertThat(parse(bytes).getMessageID()).isEqualTo(ID);
    }
}
