package org.broadside.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which boot of the machine a journal was written in. A journal from this boot outlived only a crash or kill of
 * Broadside, so the operating system kept every write; one from an earlier boot may have lost what was not flushed
 * (a power cut, a kernel crash). Where the boot cannot be told (no Linux {@code boot_id}), every journal counts as
 * an earlier boot's: the careful reading.
 */
final class BootId {
    private static final String UNKNOWN = "noboot";
    /** The first 8 hex digits of Linux's random boot id, or "noboot". */
    static final String CURRENT = read();

    private BootId() {}

    private static String read() {
        try {
            String id = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip().replace("-", "");
            return id.length() >= 8 && id.substring(0, 8).matches("[0-9a-f]{8}") ? id.substring(0, 8) : UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** True when the journal file's name says it was written in this boot (names: states-STAMP-RANDOM-BOOT-NO). */
    static boolean isCurrent(String fileName) {
        if (UNKNOWN.equals(CURRENT)) return false;
        String[] parts = fileName.split("-");
        return parts.length == 5 && parts[3].equals(CURRENT);
    }
}
