package org.broadside.ui.sandbox;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxOnDiskTest {
    private static final int ATTACHMENT_BYTES = 300 * 1024;

    @Test
    void twoHundredLargeMessagesGoToFilesAndTheInboxHoldsOnlyTheirHeaders() throws Exception {
        Path dir = TempDirs.create("sandbox");
        try (SandboxServer server = SandboxServer.start(dir)) {
            send(server, 200, true);
            SandboxInboxViewModel vm = new SandboxInboxViewModel(server, new SameThreadRunner());

            assertThat(emlFiles(dir)).hasSize(200).allMatch(f -> f.toFile().length() > ATTACHMENT_BYTES);
            assertThat(server.messagesHeldInMemory()).isZero();
            assertThat(vm.messages()).hasSize(200);
            // What the list keeps per message is its file and three short headers, never the body or attachment.
            assertThat(InboxMessage.class.getRecordComponents()).extracting(c -> c.getName())
                    .containsExactly("index", "file", "to", "from", "subject");
            long kept = vm.messages().stream().mapToLong(m -> m.to().length() + m.from().length() + m.subject().length()).sum();
            assertThat(kept).isLessThan(200 * 100);
            assertThat(vm.messages().get(199).subject()).isEqualTo("Message 200");
        }
    }

    @Test
    void selectingAMessageReadsItsSourceFromTheFile() throws Exception {
        try (SandboxServer server = SandboxServer.start(TempDirs.create("sandbox"))) {
            send(server, 2, false);
            SandboxInboxViewModel vm = new SandboxInboxViewModel(server, new SameThreadRunner());
            vm.selectedProperty().set(vm.messages().get(1));
            assertThat(vm.sourceProperty().get()).contains("Subject: Message 2").contains("Hello 2");
        }
    }

    @Test
    void messagesAndThePortSurviveARestartOfTheServer() throws Exception {
        Path dir = TempDirs.create("sandbox");
        int port;
        try (SandboxServer server = SandboxServer.start(dir)) {
            send(server, 3, false);
            port = server.port();
        }
        try (SandboxServer again = SandboxServer.start(dir)) {
            assertThat(again.port()).isEqualTo(port);
            SandboxInboxViewModel vm = new SandboxInboxViewModel(again, new SameThreadRunner());
            assertThat(vm.messages()).extracting(InboxMessage::subject).containsExactly("Message 1", "Message 2", "Message 3");
            assertThat(vm.statusProperty().get()).contains("port " + port).contains("3 messages");
            send(again, 1, false);
            vm.refresh();
            assertThat(vm.messages()).hasSize(4);
        }
    }

    @Test
    void aRememberedPortInUseIsReplacedByANewOneThatIsRememberedInstead() throws Exception {
        Path dir = TempDirs.create("sandbox");
        int first;
        try (SandboxServer server = SandboxServer.start(dir)) {
            first = server.port();
        }
        try (ServerSocket squatter = new ServerSocket(first, 1, InetAddress.getByName(SandboxServer.HOST));
             SandboxServer server = SandboxServer.start(dir)) {
            assertThat(server.port()).isNotEqualTo(first);
            assertThat(Files.readString(dir.resolve("port")).strip()).isEqualTo(String.valueOf(server.port()));
            send(server, 1, false);
            assertThat(server.mailbox().size()).isEqualTo(1);
        }
    }

    @Test
    void deleteAllRemovesTheFilesAndEmptiesTheList() throws Exception {
        Path dir = TempDirs.create("sandbox");
        try (SandboxServer server = SandboxServer.start(dir)) {
            send(server, 3, false);
            SandboxInboxViewModel vm = new SandboxInboxViewModel(server, new SameThreadRunner());
            vm.clear();
            assertThat(vm.messages()).isEmpty();
            assertThat(emlFiles(dir)).isEmpty();
            send(server, 1, false);
            vm.refresh();
            assertThat(vm.messages()).extracting(InboxMessage::index).containsExactly(1);
        }
        try (SandboxServer again = SandboxServer.start(dir)) {
            assertThat(again.mailbox().size()).isEqualTo(1);
        }
    }

    @Test
    void aListEmptiedElsewhereAndRefilledShowsOnlyTheNewMessages() throws Exception {
        try (SandboxServer server = SandboxServer.start(TempDirs.create("sandbox"))) {
            send(server, 2, false);
            SandboxInboxViewModel vm = new SandboxInboxViewModel(server, new SameThreadRunner());
            server.clear();
            send(server, 2, false);
            vm.refresh();
            assertThat(vm.messages()).extracting(InboxMessage::index).containsExactly(1, 2);
            assertThat(vm.messages()).allMatch(m -> m.file().toFile().isFile());
        }
    }

    /** Sends {@code count} messages over one real SMTP connection. */
    private static void send(SandboxServer server, int count, boolean withAttachment) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", server.host());
        p.put("mail.smtp.port", String.valueOf(server.port()));
        Session session = Session.getInstance(p);
        byte[] attachment = new byte[ATTACHMENT_BYTES];
        new Random(7).nextBytes(attachment);
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            for (int i = 1; i <= count; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("me@example.com"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("you" + i + "@example.com"));
                m.setSubject("Message " + i);
                MimeBodyPart text = new MimeBodyPart();
                text.setText("Hello " + i);
                MimeMultipart mp = new MimeMultipart(text);
                if (withAttachment) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setContent(attachment, "application/octet-stream");
                    file.setFileName("report.bin");
                    mp.addBodyPart(file);
                }
                m.setContent(mp);
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
            }
        }
    }

    private static List<Path> emlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
