package com.linkpos.link;

import com.linkpos.platform.Caller;
import com.linkpos.platform.Problems;
import com.linkpos.platform.Role;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Ids;
import com.linkpos.shared.ProblemException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * [X1] Bulk links. An upload is checked (its kind, its header, at most {@link #MAX_ROWS} rows) and stored
 * in the database, file and all, before the request answers; a worker then takes it up, on any instance:
 * each row goes through {@link Links#create} (the rules, the order number, the messages through the
 * outbox), and its outcome is written in that same transaction, so a row is done exactly once even if
 * the worker dies and another instance takes the upload up where it stopped.
 */
@Service
class BulkUploads {

    private static final Logger log = LoggerFactory.getLogger(BulkUploads.class);
    /** The most data rows one upload takes (PRODUCT.md [X1]); more is refused as a whole. */
    static final int MAX_ROWS = 10_000;
    /** Pieces the file is stored in: small enough that one at a time costs little heap. */
    private static final int CHUNK = 256 * 1024;
    /** How long a worker holds an upload without a row done; then another may take it up (a crash). */
    private static final Duration HOLD = Duration.ofMinutes(1);
    /** Rows made into links in one transaction (see {@link #batch}). */
    static final int ROWS_AT_ONCE = 50;
    /** API field paths that a bulk file names by its own columns. */
    private static final Map<String, String> COLUMNS = Map.of("notify.sms", "sms", "notify.email", "email");

    private final BulkUploadTable table;
    private final Links links;
    private final LinkUrls urls;
    private final Problems problems;
    private final MessageSource messages;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LinkAudit audit;
    /** One upload at a time per instance: a bulk upload must not take the cores the payers need. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bulk-links");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    BulkUploads(BulkUploadTable table, Links links, LinkUrls urls, Problems problems, MessageSource messages,
                JsonMapper json, PlatformTransactionManager transactions, Clock clock, LinkAudit audit) {
        this.audit = audit;
        this.table = table;
        this.links = links;
        this.urls = urls;
        this.problems = problems;
        this.messages = messages;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Checks and stores an upload, and starts it; answers its id. Refused as a whole (nothing stored): not a
     * CSV or XLSX file (415), an unknown, repeated or missing column, no rows, or more than {@link #MAX_ROWS} (422).
     */
    String accept(Caller caller, String fileName, InputStream content, Locale locale) {
        String merchantId = merchantOf(caller);
        Path copy = null;
        try {
            // the request's part may be gone once it ends; the worker reads the stored chunks
            copy = Files.createTempFile("linkpos-bulk-", ".upload");
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            BulkFile file = BulkFile.of(fileName, copy);
            int rows = count(file);
            String id = Ids.newId("blk");
            Path stored = copy;
            transaction.executeWithoutResult(status -> {
                table.insert(id, merchantId, caller.name() == null ? "" : caller.name(), name(fileName), file.format(),
                        locale.getLanguage(), rows, clock.instant());
                storeChunks(id, merchantId, stored);
                audit.bulkUploaded(merchantId, id, rows);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        nudge();
                    }
                });
            });
            return id;
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        } finally {
            deleteQuietly(copy);
        }
    }

    Optional<BulkUpload> find(Caller caller, String id) {
        return table.find(merchantOf(caller), id);
    }

    BulkUpload get(Caller caller, String id) {
        return find(caller, id).orElseThrow(ProblemException::notFound);
    }

    List<BulkUpload> recent(Caller caller, int limit) {
        return table.recent(merchantOf(caller), limit);
    }

    List<BulkUpload.RowError> errors(BulkUpload upload) {
        return table.errors(upload.merchantId(), upload.id());
    }

    /** The result file of the upload: each row with its link's URL, or why it was refused. */
    void writeResult(BulkUpload upload, BulkFile.Format format, OutputStream out) {
        BulkSheets.write(format, "LinkPOS", each -> {
            each.accept(BulkSheets.RESULT_HEADER);
            table.eachOutcome(upload.merchantId(), upload.id(), outcome -> each.accept(List.of(
                    Integer.toString(outcome.row()), outcome.token() == null ? "" : urls.ofToken(outcome.token()),
                    outcome.errors() == null ? "" : outcome.errors())));
        }, out);
    }

    /** The template: a header row of the API's field names ({@code locale} null) or the portal's words. */
    void writeTemplate(Locale locale, BulkFile.Format format, OutputStream out) {
        BulkSheets.write(format, "LinkPOS", each -> each.accept(BulkColumns.header(messages, locale)), out);
    }

    /** The header checked and the data rows counted, reading no further than one row past the limit. */
    private int count(BulkFile file) {
        BulkColumns[] columns = {null};
        int[] rows = {0};
        file.read(cells -> {
            if (columns[0] == null) {
                columns[0] = BulkColumns.of(cells, messages);
            } else if (++rows[0] > MAX_ROWS) {
                throw new BulkFile.Enough();
            }
        });
        if (columns[0] == null) {
            throw ProblemException.invalid(FieldProblem.of("file", "missing_column", "amount"));
        }
        if (rows[0] > MAX_ROWS) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "bulk_too_many_rows",
                    List.of(FieldProblem.of("file", "bulk_too_many_rows", MAX_ROWS)));
        }
        if (rows[0] == 0) {
            throw ProblemException.invalid(FieldProblem.of("file", "no_rows"));
        }
        return rows[0];
    }

    private void storeChunks(String id, String merchantId, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] piece;
            int seq = 0;
            while ((piece = in.readNBytes(CHUNK)).length > 0) {
                table.insertChunk(id, merchantId, seq++, piece);
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** Starts the worker on this instance unless it is already on its way. */
    void nudge() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    while (processNext()) {
                        // the next upload waiting, if any
                    }
                } catch (RuntimeException failed) {
                    // the upload stays held until its hold lapses, then any instance takes it up again
                    log.error("Bulk upload stopped; it is taken up again after {}", HOLD, failed);
                }
            });
        }
    }

    /** Uploads that no instance works on (a crashed one's, or one whose instance was busy) are taken up. */
    @Scheduled(fixedDelayString = "${linkpos.bulk.poll:PT5S}", initialDelayString = "${linkpos.bulk.poll:PT5S}")
    void takeUpWaiting() {
        nudge();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Takes one upload and works through it; false when none is waiting. */
    boolean processNext() {
        Instant now = clock.instant();
        Optional<BulkUpload> claimed = table.claimNext(now, now.plus(HOLD));
        claimed.ifPresent(this::process);
        return claimed.isPresent();
    }

    private void process(BulkUpload upload) {
        long started = System.nanoTime() / 1_000_000;
        Path copy = null;
        try {
            copy = Files.createTempFile("linkpos-bulk-", ".work");
            try (OutputStream out = Files.newOutputStream(copy)) {
                Optional<byte[]> piece;
                for (int seq = 0; (piece = table.chunk(upload.id(), upload.merchantId(), seq)).isPresent(); seq++) {
                    out.write(piece.get());
                }
            }
            int done = table.lastRow(upload.merchantId(), upload.id());
            Caller caller = new Caller(upload.merchantId(), Role.MERCHANT_USER, upload.createdBy());
            Locale locale = Locale.forLanguageTag(upload.language());
            BulkColumns[] columns = {null};
            int[] number = {0};
            boolean[] lost = {false};
            List<BulkRow> batch = new ArrayList<>(ROWS_AT_ONCE);
            new BulkFile(upload.format(), copy).read(cells -> {
                if (columns[0] == null) {
                    columns[0] = BulkColumns.of(cells, messages);
                    return;
                }
                int row = ++number[0];
                if (row > upload.rows()) {
                    throw new BulkFile.Enough();
                }
                if (row > done) {
                    batch.add(columns[0].row(row, cells));
                }
                if (batch.size() == ROWS_AT_ONCE && !batch(upload, caller, locale, batch)) {
                    lost[0] = true;
                    throw new BulkFile.Enough();
                }
            });
            if (!lost[0] && !batch(upload, caller, locale, batch)) {
                lost[0] = true;
            }
            if (!lost[0]) {
                transaction.executeWithoutResult(status -> table.finish(upload.merchantId(), upload.id(), clock.instant()));
                long millis = Math.max(1, System.nanoTime() / 1_000_000 - started);
                log.info("Bulk upload {} done: {} rows ({} of them by this run) in {} ms, {} rows/s", upload.id(), upload.rows(),
                        upload.rows() - done, millis, (upload.rows() - done) * 1000L / millis);
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * Rows made into links {@link #ROWS_AT_ONCE} to a transaction, each with its outcome: far fewer commits
     * than a row each. When the rules refuse any row of them, nothing of that transaction stays, and the rows
     * are done again one at a time, so that the good ones are made and the refused ones recorded.
     * False when another worker has done them (this one's hold had lapsed): it stops.
     */
    private boolean batch(BulkUpload upload, Caller caller, Locale locale, List<BulkRow> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        try {
            transaction.executeWithoutResult(status -> {
                for (BulkRow row : rows) {
                    List<FieldProblem> unreadable = new ArrayList<>();
                    LinkInput input = row.toInput(unreadable);
                    if (!unreadable.isEmpty()) {
                        throw ProblemException.invalid(unreadable);
                    }
                    table.recordCreated(upload.merchantId(), upload.id(), row.number(), links.create(caller, input).id());
                }
                table.count(upload.merchantId(), upload.id(), rows.size(), 0, clock.instant().plus(HOLD));
            });
        } catch (ProblemException | DuplicateKeyException oneAtATime) {
            for (BulkRow row : rows) {
                if (!one(upload, caller, locale, row)) {
                    return false;
                }
            }
        } finally {
            rows.clear();
        }
        return true;
    }

    /**
     * One row: its link made, or its refusal recorded, each with the row's outcome in one transaction.
     * False when another worker has done the row (this one's hold had lapsed): it stops.
     */
    private boolean one(BulkUpload upload, Caller caller, Locale locale, BulkRow row) {
        List<FieldProblem> unreadable = new ArrayList<>();
        LinkInput input = row.toInput(unreadable);
        try {
            if (!unreadable.isEmpty()) {
                // what could not be read is refused together with whatever the rules say of the rest
                List<FieldProblem> all = new ArrayList<>(unreadable);
                links.problems(caller, input, null).stream()
                        .filter(problem -> unreadable.stream().noneMatch(u -> u.field().equals(problem.field())))
                        .forEach(all::add);
                throw ProblemException.invalid(all);
            }
            transaction.executeWithoutResult(status -> {
                Link link = links.create(caller, input);
                table.recordCreated(upload.merchantId(), upload.id(), row.number(), link.id());
                table.count(upload.merchantId(), upload.id(), 1, 0, clock.instant().plus(HOLD));
            });
            return true;
        } catch (ProblemException refused) {
            try {
                String reasons = json.writeValueAsString(reasons(refused, locale));
                transaction.executeWithoutResult(status -> {
                    table.recordRefused(upload.merchantId(), upload.id(), row.number(), reasons);
                    table.count(upload.merchantId(), upload.id(), 0, 1, clock.instant().plus(HOLD));
                });
                return true;
            } catch (DuplicateKeyException doneByAnother) {
                return false;
            }
        } catch (DuplicateKeyException doneByAnother) {
            return false;
        }
    }

    /** The refusal as the create API words it (Problems), each field named as the file's column. */
    private List<Map<String, Object>> reasons(ProblemException refused, Locale locale) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problems.body(refused, locale, null)
                .getOrDefault("errors", List.of());
        if (errors.isEmpty()) {
            // a refusal of the whole request, without a field (none is known today)
            return List.of(Map.of("field", "", "code", refused.code(),
                    "message", problems.body(refused, locale, null).getOrDefault("title", refused.code())));
        }
        return errors.stream().map(error -> Map.of("field", COLUMNS.getOrDefault((String) error.get("field"), (String) error.get("field")),
                "code", error.get("code"), "message", error.get("message"))).toList();
    }

    private static String name(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException leftBehind) {
                log.warn("Could not delete {}", path);
            }
        }
    }

    private static String merchantOf(Caller caller) {
        if (caller == null || caller.merchantId() == null) {
            throw ProblemException.notFound();
        }
        return caller.merchantId();
    }
}
