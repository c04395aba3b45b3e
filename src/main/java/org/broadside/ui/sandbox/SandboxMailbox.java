package org.broadside.ui.sandbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Sandbox's received messages, one {@code .eml} file each in a directory of the data directory, so a long test
 * send costs disk, not memory (1,550 messages of 300 KB kept in memory took 1.66 GB). Only an index of the headers
 * the inbox shows stays in memory; the source is read from the file when someone looks at it.
 * Thread-safe: the server's threads store, the inbox reads.
 */
public final class SandboxMailbox {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private final Path directory;
    private final List<InboxMessage> index = new ArrayList<>();
    private long counter;
    private int emptied;

    /** Opens the mailbox in {@code directory}, creating it, and indexes the messages already there. */
    public SandboxMailbox(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            for (Path f : files()) index.add(headersOf(index.size() + 1, f));
        } catch (IOException e) {
            throw new UncheckedIOException("The Sandbox folder " + directory + " could not be read: " + e.getMessage(), e);
        }
    }

    public Path directory() { return directory; }

    /** Writes a received message to its own file; written under a temporary name first so a reader never sees half. */
    public synchronized InboxMessage store(MimeMessage message) throws IOException, MessagingException {
        // The timestamp keeps names in arrival order across restarts, the counter within one millisecond.
        String name = LocalDateTime.now().format(STAMP) + "-" + String.format("%06d", ++counter) + ".eml";
        Path tmp = directory.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            message.writeTo(out);
        }
        Path file = Files.move(tmp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        InboxMessage m = headersOf(index.size() + 1, file);
        index.add(m);
        return m;
    }

    /** How many messages the mailbox holds. */
    public synchronized int size() { return index.size(); }

    /** Changes each time the mailbox is emptied, so a list that shows its messages knows to start over. */
    public synchronized int emptied() { return emptied; }

    /** The messages from position {@code from} (0-based) on, oldest first: what an inbox has not shown yet. */
    public synchronized List<InboxMessage> since(int from) {
        return from >= index.size() ? List.of() : List.copyOf(index.subList(Math.max(0, from), index.size()));
    }

    /** The message's source as received, cut at {@code maxChars} characters so a huge message stays readable. */
    public String source(InboxMessage m, int maxChars) throws IOException {
        try (InputStream in = Files.newInputStream(m.file())) {
            byte[] head = in.readNBytes(maxChars);
            String text = new String(head, StandardCharsets.UTF_8);
            return in.read() < 0 ? text : text + "\n\n[… cut here: the message is longer than " + maxChars / 1000 + " KB; the whole source is in "
                    + m.file() + "]";
        }
    }

    /** The stored message, parsed again from its file. */
    public MimeMessage read(InboxMessage m) throws IOException, MessagingException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(m.file()))) {
            return new MimeMessage(null, in);
        }
    }

    /** Deletes every stored message. */
    public synchronized void deleteAll() throws IOException {
        for (Path f : files()) Files.deleteIfExists(f);
        index.clear();
        emptied++;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** Reads only the header block: the body, with its attachments, is never loaded for the list. */
    private static InboxMessage headersOf(int number, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            InternetHeaders h = new InternetHeaders(in);
            return new InboxMessage(number, file, decoded(h, "To"), decoded(h, "From"), decoded(h, "Subject"));
        } catch (MessagingException e) {
            return new InboxMessage(number, file, "?", "?", "(headers unreadable: " + e.getMessage() + ")");
        }
    }

    private static String decoded(InternetHeaders h, String name) {
        String value = h.getHeader(name, ", ");
        if (value == null) return "";
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException e) {
            return value;
        }
    }
}
