package com.linkpos.link;

import com.linkpos.platform.Caller;
import com.linkpos.platform.Languages;
import com.linkpos.platform.ProblemCodes;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** [X1] Bulk links through the API (API.md "Links", Bulk): the template, an upload, its progress, its result. */
@RestController
@RequestMapping("/api/v1/links/bulk")
@Tag(name = "Links")
class BulkApiController {

    private static final String UPLOAD_ID = "The upload's id (`blk_…`).";
    private static final String FORMAT = "`csv` (UTF-8, comma separated; the default) or `xlsx`.";

    private final BulkUploads uploads;

    BulkApiController(BulkUploads uploads) {
        this.uploads = uploads;
    }

    @Schema(name = "BulkUploadStarted", description = "An upload taken: its rows are being made into links.")
    record Started(@Schema(example = "blk_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                   @Schema(allowableValues = {"PROCESSING", "DONE"}) String status) {
    }

    @Schema(name = "BulkRowError", description = "One reason a row was refused, as the create API gives it.")
    record RowError(@Schema(description = "The data row, counted from 1 (the header not counted).") int row,
                    @Schema(description = "The column (the create API's field name).", example = "amount") String field,
                    @Schema(example = "required") String code,
                    @Schema(description = "In the language of the upload's request.") String message) {
    }

    @Schema(name = "BulkUpload", description = "An upload's progress; `errors` are the refused rows' reasons so far.")
    record Status(@Schema(example = "blk_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String id,
                  @Schema(allowableValues = {"PROCESSING", "DONE"}) String status,
                  @Schema(description = "The file's data rows.") int rows,
                  @Schema(description = "Rows made into links (and sent) so far.") int created,
                  @Schema(description = "Rows refused so far.") int refused,
                  List<RowError> errors) {
    }

    @GetMapping("/template")
    @Operation(operationId = "bulkLinksTemplate", summary = "The bulk links template",
            description = "A header row of the create fields' names, as CSV or XLSX.",
            responses = @ApiResponse(responseCode = "200", description = "The template.", content = {
                    @Content(mediaType = "text/csv"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}))
    ResponseEntity<StreamingResponseBody> template(
            @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"csv", "xlsx"}))
            @RequestParam(required = false) String format) {
        BulkFile.Format chosen = format(format);
        return download("linkpos-bulk-template", chosen, out -> uploads.writeTemplate(null, chosen, out));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "uploadBulkLinks", summary = "Upload links in bulk",
            description = "A .csv or .xlsx file with the template's columns, one link per row (at most "
                    + BulkUploads.MAX_ROWS + "). Each row is checked by the create API's rules; valid rows are created and "
                    + "sent, refused rows are reported by `GET /api/v1/links/bulk/{id}`. Messages follow this request's "
                    + "`Accept-Language`.")
    @ProblemCodes(status = 415, value = "unsupported_media_type")
    @ProblemCodes(status = 422, value = {"validation_failed", "bulk_too_many_rows"})
    Started upload(Caller caller, @RequestParam(name = "file", required = false) MultipartFile file,
                   HttpServletRequest request) {
        if (file == null) {
            throw ProblemException.badRequest(List.of(FieldProblem.of("file", "required")));
        }
        try (InputStream content = file.getInputStream()) {
            // PROCESSING as it was accepted, even if a small file is already done when this answer leaves
            return new Started(uploads.accept(caller, file.getOriginalFilename(), content, Languages.fromAcceptLanguage(request)),
                    BulkUpload.Status.PROCESSING.name());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getBulkUpload", summary = "An upload's progress",
            description = "Rows, links created and rows refused so far, and the refused rows' reasons.")
    Status status(Caller caller, @Parameter(description = UPLOAD_ID) @PathVariable String id) {
        BulkUpload upload = uploads.get(caller, id);
        return new Status(upload.id(), upload.status().name(), upload.rows(), upload.created(), upload.refused(),
                uploads.errors(upload).stream().map(e -> new RowError(e.row(), e.field(), e.code(), e.message())).toList());
    }

    @GetMapping("/{id}/result")
    @Operation(operationId = "getBulkUploadResult", summary = "An upload's result file",
            description = "Each row done so far with the columns `row`, `url` (of its link) and `errors` (why it was refused).",
            responses = @ApiResponse(responseCode = "200", description = "The result.", content = {
                    @Content(mediaType = "text/csv"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}))
    ResponseEntity<StreamingResponseBody> result(Caller caller, @Parameter(description = UPLOAD_ID) @PathVariable String id,
                                                 @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"csv", "xlsx"}))
                                                 @RequestParam(required = false) String format) {
        BulkUpload upload = uploads.get(caller, id);
        BulkFile.Format chosen = format(format);
        return download("linkpos-bulk-" + upload.id(), chosen, out -> uploads.writeResult(upload, chosen, out));
    }

    private static BulkFile.Format format(String format) {
        BulkFile.Format chosen = BulkSheets.format(format);
        if (chosen == null) {
            throw ProblemException.badRequest(List.of(FieldProblem.of("format", "invalid_export_format")));
        }
        return chosen;
    }

    /** A file to download, written as it is sent. */
    static ResponseEntity<StreamingResponseBody> download(String name, BulkFile.Format format, StreamingResponseBody body) {
        boolean xlsx = format == BulkFile.Format.XLSX;
        return ResponseEntity.ok()
                .contentType(xlsx ? BulkSheets.XLSX : BulkSheets.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + (xlsx ? ".xlsx" : ".csv")).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
