package org.broadside.contacts;

/** An open-addressing set of longs: remembers a million address hashes in 16 MB instead of 150 MB of strings. */
public final class LongHashSet {
    private long[] slots = new long[1 << 16];
    private boolean hasZero;
    private int size;

    /** Adds the value; returns false when it was already present. */
    public boolean add(long value) {
        if (value == 0) {
            if (hasZero) return false;
            hasZero = true;
            return true;
        }
        if (size * 2 >= slots.length) grow();
        if (!insert(slots, value)) return false;
        size++;
        return true;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = (int) (mix(value) & mask);
        while (table[i] != 0) {
            if (table[i] == value) return false;
            i = (i + 1) & mask;
        }
        table[i] = value;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) if (v != 0) insert(bigger, v);
        slots = bigger;
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return v;
    }

    /** A 64-bit FNV-1a hash of the text; collisions among a few million keys are astronomically unlikely. */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
