package com.linkpos.link;

import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.http.HttpStatus;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * [X1] An uploaded file of links, read as a stream of rows of text cells: a CSV line by line (RFC 4180
 * quoting, UTF-8), an XLSX through POI's event API (the first sheet's XML through SAX; only the shared
 * strings table is held, and it is bounded by the upload's size). Never the whole file in memory.
 * Blank rows are skipped and not counted.
 */
final class BulkFile {

    enum Format { CSV, XLSX }

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final Format format;
    private final Path path;

    BulkFile(Format format, Path path) {
        this.format = format;
        this.path = path;
    }

    Format format() {
        return format;
    }

    /**
     * What the file is, by its name and its first bytes: an XLSX is a ZIP package, a CSV is text.
     * Anything else is refused (415 unsupported_media_type), whatever its name says.
     */
    static BulkFile of(String fileName, Path path) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        byte[] start = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        boolean zip = read >= 4 && start[0] == ZIP[0] && start[1] == ZIP[1] && start[2] == ZIP[2] && start[3] == ZIP[3];
        boolean text = !zip;
        for (int i = 0; i < read && text; i++) {
            text = start[i] != 0;
        }
        if (name.endsWith(".xlsx") && zip) {
            return new BulkFile(Format.XLSX, path);
        }
        if (name.endsWith(".csv") && text) {
            return new BulkFile(Format.CSV, path);
        }
        throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                List.of(FieldProblem.of("file", "unsupported_file_type")));
    }

    /** Stops a reading early: the reader of the rows has seen enough. */
    static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * Calls {@code rows} with each non-blank row's cells, the header first; {@code rows} may throw
     * {@link Enough} to stop. An unreadable file is refused as {@code file: unreadable_file}.
     */
    void read(Consumer<List<String>> rows) {
        try {
            if (format == Format.CSV) {
                csv(rows);
            } else {
                xlsx(rows);
            }
        } catch (Enough enough) {
            // the reader has what it wanted
        } catch (ProblemException | UncheckedIOException passOn) {
            throw passOn;
        } catch (Exception unreadable) {
            throw ProblemException.invalid(FieldProblem.of("file", "unreadable_file"));
        }
    }

    private void csv(Consumer<List<String>> rows) throws IOException {
        char delimiter = delimiter();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean[] header = {true};
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder), 1 << 16)) {
            CsvRecords.read(reader, delimiter, record -> {
                List<String> cells = new ArrayList<>(record);
                if (header[0] && !cells.isEmpty()) {
                    cells.set(0, cells.get(0).replace("\uFEFF", "")); // Excel's byte order mark
                }
                if (!blank(cells)) {
                    header[0] = false;
                    rows.accept(cells);
                }
            });
        } catch (java.nio.charset.CharacterCodingException | CsvRecords.Malformed notUtf8OrNotCsv) {
            throw ProblemException.invalid(FieldProblem.of("file", "unreadable_file"));
        }
    }

    /**
     * API.md's CSV is comma separated; Excel in Turkish saves «CSV» with semicolons, so a header line
     * with semicolons and no comma is read with semicolons.
     */
    private char delimiter() throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] start = in.readNBytes(8192);
            int commas = 0;
            int semicolons = 0;
            for (byte b : start) {
                if (b == '\n') {
                    break;
                }
                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
            }
            return semicolons > 0 && commas == 0 ? ';' : ',';
        }
    }

    private void xlsx(Consumer<List<String>> rows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Cells(rows), new PlainValues(), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    /** A sheet's rows as lists of texts, each cell at its column (a sheet leaves out empty cells). */
    private static final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<List<String>> rows;
        private final List<String> cells = new ArrayList<>();

        Cells(Consumer<List<String>> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!blank(cells)) {
                rows.accept(List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(value == null ? "" : value);
            } else {
                cells.set(column, value == null ? "" : value);
            }
        }
    }

    /**
     * Numbers as the API writes them (1250.5, never 1,250.50 or 1.25E3), and date cells as the
     * portal's English time (2026-12-01 09:00, Istanbul), whatever format the sheet shows them in.
     */
    private static final class PlainValues extends DataFormatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

        PlainValues() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return TIME.format(DateUtil.getLocalDateTime(value, use1904Windowing, true));
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
}
