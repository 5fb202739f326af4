package com.linkpos.link;

import com.linkpos.platform.Caller;
import com.linkpos.platform.Problems;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * [X1] «Toplu Link»: the templates, an upload, then its progress page, which refreshes itself while the
 * rows are worked through (a small script, or without one the page's own refresh) and then shows the
 * refused rows and the result file. Open to every user of the merchant, as «Yeni Ekle» is (/links/**).
 */
@Controller
@RequestMapping("/links/bulk")
class BulkPortalController {

    /** Refused rows shown on the page; all of them are in the result file. */
    static final int ERRORS_SHOWN = 1000;
    /** Seconds between refreshes of a running upload's page. */
    static final int REFRESH_SECONDS = 2;

    private final BulkUploads uploads;
    private final Problems problems;

    BulkPortalController(BulkUploads uploads, Problems problems) {
        this.uploads = uploads;
        this.problems = problems;
    }

    @GetMapping
    String page(Caller caller, Model model) {
        model.addAttribute("recent", uploads.recent(caller, 10));
        model.addAttribute("maxRows", BulkUploads.MAX_ROWS);
        return "link/bulk";
    }

    /** The template with the portal's header words: Turkish (the default) or English. */
    @GetMapping("/template")
    ResponseEntity<StreamingResponseBody> template(@RequestParam(required = false) String format,
                                                   @RequestParam(required = false) String lang) {
        BulkFile.Format chosen = BulkSheets.format(format);
        if (chosen == null) {
            throw ProblemException.badRequest(List.of(FieldProblem.of("format", "invalid_export_format")));
        }
        Locale language = "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("tr");
        return BulkApiController.download("linkpos-toplu-link-" + language.getLanguage(), chosen,
                out -> uploads.writeTemplate(language, chosen, out));
    }

    @PostMapping
    String upload(Caller caller, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  Model model) {
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw ProblemException.invalid(FieldProblem.of("file", "required"));
            }
            try (InputStream content = file.getInputStream()) {
                return "redirect:/links/bulk/" + uploads.accept(caller, file.getOriginalFilename(), content, locale);
            }
        } catch (ProblemException refused) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) problems.body(refused, locale, null)
                    .getOrDefault("errors", List.of());
            model.addAttribute("refusal", errors.stream().map(e -> (String) e.get("message")).toList());
            return page(caller, model);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    @GetMapping("/{id}")
    String progress(Caller caller, @PathVariable String id, Model model) {
        BulkUpload upload = uploads.get(caller, id);
        model.addAttribute("upload", upload);
        if (upload.done()) {
            List<BulkUpload.RowError> errors = uploads.errors(upload);
            model.addAttribute("errors", errors.size() > ERRORS_SHOWN ? errors.subList(0, ERRORS_SHOWN) : errors);
            model.addAttribute("moreErrors", errors.size() > ERRORS_SHOWN);
        } else {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        model.addAttribute("errorsShown", ERRORS_SHOWN);
        return "link/bulk-progress";
    }

    @GetMapping("/{id}/result")
    ResponseEntity<StreamingResponseBody> result(Caller caller, @PathVariable String id,
                                                 @RequestParam(required = false) String format) {
        BulkUpload upload = uploads.get(caller, id);
        BulkFile.Format chosen = BulkSheets.format(format);
        if (chosen == null) {
            throw ProblemException.badRequest(List.of(FieldProblem.of("format", "invalid_export_format")));
        }
        return BulkApiController.download("linkpos-toplu-link-" + upload.id(), chosen,
                out -> uploads.writeResult(upload, chosen, out));
    }
}
