package org.qasite.demo;

import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one {@code COPY ... FROM STDIN} in PostgreSQL's text format. Rows are encoded straight into a
 * small byte buffer that is sent whenever it is full, so no table is ever held in memory as text.
 */
final class CopyWriter implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int length;
    private boolean firstField = true;

    CopyWriter(CopyManager copyManager, String table, String columns) throws SQLException {
        this.copy = copyManager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    CopyWriter add(long value) throws SQLException {
        separate();
        if (value < 0) {
            put('-');
            value = -value;
        }
        if (value == 0) {
            put('0');
            return this;
        }
        ensure(20);
        int end = length + digits(value);
        for (int i = end - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
        return this;
    }

    CopyWriter add(boolean value) throws SQLException {
        separate();
        put(value ? 't' : 'f');
        return this;
    }

    CopyWriter addTime(long epochMilli) throws SQLException {
        // ISO 8601 with a Z, which timestamptz input accepts as UTC.
        return add(Instant.ofEpochMilli(epochMilli).toString());
    }

    /** Adds text, escaping what the text format gives a meaning to, and encoding it as UTF-8. */
    CopyWriter add(String value) throws SQLException {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> put2('\\', '\\');
                    case '\n' -> put2('\\', 'n');
                    case '\r' -> put2('\\', 'r');
                    case '\t' -> put2('\\', 't');
                    default -> put(c);
                }
            } else if (c < 0x800) {
                ensure(2);
                buffer[length++] = (byte) (0xC0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                ensure(4);
                buffer[length++] = (byte) (0xF0 | cp >> 18);
                buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                ensure(3);
                buffer[length++] = (byte) (0xE0 | c >> 12);
                buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    void endRow() throws SQLException {
        put('\n');
        firstField = true;
    }

    /** Sends the rest and ends the COPY; returns the number of rows the server stored. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        // Only reached with the COPY still open when writing failed; cancelling leaves the connection usable for the rollback.
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void separate() throws SQLException {
        if (firstField) {
            firstField = false;
        } else {
            put('\t');
        }
    }

    private void put(char c) throws SQLException {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    private void put2(char a, char b) throws SQLException {
        ensure(2);
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
    }

    private void ensure(int bytes) throws SQLException {
        if (length + bytes > BUFFER_SIZE) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private static int digits(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }
}
