package org.broadside.accounts;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The plaintext inside credentials.enc: length-prefixed UTF-8 key and secret pairs, encoded without making Strings of secrets. */
final class CredentialEntries {
    private CredentialEntries() {}

    static byte[] encode(Map<String, char[]> entries) {
        byte[][] keys = new byte[entries.size()][];
        byte[][] values = new byte[entries.size()][];
        int size = 4, i = 0;
        for (Map.Entry<String, char[]> e : entries.entrySet()) {
            keys[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            values[i] = Secrets.utf8(e.getValue());
            size += 8 + keys[i].length + values[i].length;
            i++;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(entries.size());
        for (int j = 0; j < keys.length; j++) {
            out.putInt(keys[j].length).put(keys[j]).putInt(values[j].length).put(values[j]);
            Secrets.wipe(values[j]);
        }
        return out.array();
    }

    /** Decoded entries; the caller wipes the values. */
    static Map<String, char[]> decode(byte[] plaintext) {
        Map<String, char[]> entries = new TreeMap<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(plaintext);
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[in.getInt()];
                in.get(key);
                int length = in.getInt();
                entries.put(new String(key, StandardCharsets.UTF_8), Secrets.chars(plaintext, in.position(), length));
                in.position(in.position() + length);
            }
            return entries;
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            entries.values().forEach(Secrets::wipe);
            // Reached only when the tag matched, so this is a bug or a file written by a different version.
            throw new CredentialStoreException("The credential file has contents this version cannot read.", e);
        }
    }
}
