package dev.losslab.core.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text, one at a time. Fields are split at commas; spaces and tabs around a
 * field are dropped; a field in double quotes may hold commas and, doubled, quotes
 * ({@code "say ""hi"", twice"}), but not a line break; a line holding nothing but spaces is skipped;
 * lines end in {@code \n}, {@code \r\n} or {@code \r}; a UTF-8 byte-order mark before the header is
 * ignored.
 *
 * <p>It holds one record at a time and keeps only the fields its caller can use: fields past that
 * are counted, not stored, and the header's count stops one past the cap, so a header of a million
 * columns costs the reading of its first {@link DatasetCsv#MAX_COLUMNS} + 1. Every character read
 * counts against {@link DatasetCsv#MAX_CHARACTERS}.
 */
final class CsvRecords {

    private static final int END = -1;

    private final Reader in;
    private final CsvErrors errors;
    private final char[] buffer = new char[1 << 13];
    private int position;
    private int limit;
    private long characters;
    private boolean started;
    /** The line the next character is on. */
    private int line = 1;
    /** The line the last record began on. */
    private int recordLine;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    CsvRecords(Reader in, CsvErrors errors) {
        this.in = in;
        this.errors = errors;
    }

    /** The fields kept from the last record. */
    List<String> fields() {
        return fields;
    }

    /** The line the last record began on, from 1. */
    int recordLine() {
        return recordLine;
    }

    /** The line being read, from 1: where an error of the input itself (not UTF-8, too long) is. */
    int line() {
        return line;
    }

    /**
     * Reads the next record that is not blank, keeping its first {@code keep} fields in
     * {@link #fields()}.
     *
     * @param stopPastKeep stop reading the record at field {@code keep} + 1 (and return keep + 1)
     *                     instead of counting its fields to the end of the line
     * @return how many fields the record has, or −1 at the end of the text
     */
    int next(int keep, boolean stopPastKeep) throws IOException {
        while (true) {
            fields.clear();
            if (peek() == END) {
                return -1;
            }
            recordLine = line;
            int count = 0;
            boolean quotedAny = false;
            boolean lastEmpty = false;
            while (true) {
                boolean store = count < keep;
                boolean quoted = readField(store, count);
                quotedAny |= quoted;
                count++;
                lastEmpty = !quoted && field.isEmpty();
                if (store) {
                    fields.add(field.toString());
                }
                if (count > keep && stopPastKeep) {
                    return count;
                }
                int c = read();
                if (c == ',') {
                    continue;
                }
                endLine(c);
                break;
            }
            boolean blank = count == 1 && lastEmpty && !quotedAny;
            if (!blank) {
                return count;
            }
        }
    }

    /**
     * Reads one field into {@link #field} (when {@code store}), up to the comma or line end after
     * it, which it leaves unread. Returns whether the field was quoted.
     */
    private boolean readField(boolean store, int column) throws IOException {
        field.setLength(0);
        skipBlanks();
        if (peek() != '"') {
            for (int c = peek(); c != ',' && c != '\n' && c != '\r' && c != END; c = peek()) {
                read();
                if (store) {
                    field.append((char) c);
                }
            }
            int end = field.length();
            while (end > 0 && isBlank(field.charAt(end - 1))) {
                end--;
            }
            field.setLength(end);
            return false;
        }
        read();
        while (true) {
            int c = read();
            if (c == END || c == '\n' || c == '\r') {
                throw errors.cell(recordLine, column, "a quoted value has no closing quote on its line");
            }
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                read();
            }
            if (store) {
                field.append((char) c);
            }
        }
        skipBlanks();
        int after = peek();
        if (after != ',' && after != '\n' && after != '\r' && after != END) {
            throw errors.cell(recordLine, column, "text after the closing quote");
        }
        return true;
    }

    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c != END) {
            line++;
        }
    }

    private void skipBlanks() throws IOException {
        while (isBlank(peek())) {
            read();
        }
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != END) {
            position++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        characters += n;
        if (characters > DatasetCsv.MAX_CHARACTERS) {
            throw errors.line(line, "the file is longer than " + DatasetCsv.count(DatasetCsv.MAX_CHARACTERS)
                    + " characters, the most LossLab reads");
        }
        if (!started) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                position = 1;
            }
        }
        return true;
    }
}
