package com.linkpos.link;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * [X1] RFC 4180 records read one at a time from a stream: fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes; lines end in CRLF, LF or CR. Written by hand, like the
 * exports' writer: it is small, and a record never holds more than {@link #LONGEST_RECORD} characters,
 * so a file without line breaks cannot fill the heap.
 */
final class CsvRecords {

    /** Far more than a row of the template can hold (a description is at most 500 characters). */
    static final int LONGEST_RECORD = 64 * 1024;

    /** A file that is not RFC 4180: a quote inside an unquoted field, text after a closing quote, an unclosed quote. */
    static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private CsvRecords() {
    }

    static void read(Reader in, char delimiter, Consumer<List<String>> records) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;       // inside a quoted field
        boolean afterQuote = false;   // a quoted field has closed
        boolean fieldStarted = false; // the record has begun (a field, even an empty one, is pending)
        int c;
        while ((c = in.read()) >= 0) {
            if (++length > LONGEST_RECORD) {
                throw new Malformed("a record longer than " + LONGEST_RECORD + " characters");
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        if (next >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (fieldStarted || field.length() > 0 || afterQuote) {
                    fields.add(field.toString());
                    records.accept(List.copyOf(fields));
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                length = 0;
            } else if (afterQuote) {
                throw new Malformed("text after a closing quote");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new Malformed("a quote inside an unquoted field");
                }
                quoted = true;
                fieldStarted = true;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new Malformed("a quote not closed");
        }
        if (fieldStarted || field.length() > 0 || afterQuote) {
            fields.add(field.toString());
            records.accept(List.copyOf(fields));
        }
    }
}
