package com.linkpos.reporting;

import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** [T4] «Hesap Özeti» in the API: the merchant's, and for the bank every merchant's, with its export. */
@RestController
class SettlementApiController {

    private final Settlements settlements;
    private final Downloads downloads;

    SettlementApiController(Settlements settlements, Downloads downloads) {
        this.settlements = settlements;
        this.downloads = downloads;
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, example = "2026-12-01", schema = @Schema(type = "string",
                    format = "date"), description = "From this value date (`yyyy-MM-dd`), inclusive; left out: 30 days ago."),
            @Parameter(name = "to", in = ParameterIn.QUERY, example = "2026-12-31", schema = @Schema(type = "string",
                    format = "date"), description = "To this value date, inclusive (at most 366 days after `from`); "
                    + "left out: 90 days ahead.")})
    @interface ValueDates {
    }

    @Schema(name = "SettlementDay", description = "One value date of one merchant in one currency: approved sales not "
            + "voided and approved refunds that fall on it. net = sales − refunds − commission − commissionTax.")
    record SettlementJson(@Schema(example = "mer_01JDQ7Z8X9YV3T5W6R2K4M8N0P") String merchantId,
                          @Schema(example = "2026-12-02") LocalDate valueDate,
                          @Schema(example = "TRY") String currency,
                          @Schema(description = "Sales and refunds counted.") long count,
                          @Schema(example = "1250.50") String sales,
                          @Schema(example = "0.00") String refunds,
                          @Schema(example = "22.38") String commission,
                          @Schema(example = "1.12") String commissionTax,
                          @Schema(description = "May be negative: refunds of a day above its sales.", example = "1227.00")
                          String net) {

        static SettlementJson of(Settlements.Day day) {
            return new SettlementJson(day.merchantId(), day.valueDate(), day.currency().name(), day.count(),
                    day.sales().toDecimalString(), day.refunds().toDecimalString(), day.commission().toDecimalString(),
                    day.commissionTax().toDecimalString(), day.net().toDecimalString());
        }
    }

    @Schema(name = "SettlementList", description = "Value dates oldest first.")
    record SettlementList(List<SettlementJson> data) {
    }

    @GetMapping("/api/v1/settlements")
    @Tag(name = "Transactions")
    @Operation(operationId = "listSettlements", summary = "Hesap Özeti", description = "[T4] What reaches the "
            + "merchant's account per value date and currency.")
    @ValueDates
    SettlementList list(Caller caller, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
        return new SettlementList(settlements.days(caller.merchantId(), range(params)).stream()
                .map(SettlementJson::of).toList());
    }

    @GetMapping("/api/v1/admin/settlements")
    @Tag(name = "Bank admin")
    @Operation(operationId = "listAllSettlements", summary = "Every merchant's Hesap Özeti", description = "[T4] Per "
            + "value date, merchant and currency. Needs the bank's API key.")
    @ValueDates
    SettlementList listAll(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
        return new SettlementList(settlements.days(null, range(params)).stream().map(SettlementJson::of).toList());
    }

    @GetMapping("/api/v1/settlements/export")
    @Tag(name = "Transactions")
    @Operation(operationId = "exportSettlements", summary = "Export Hesap Özeti", description = "The days of "
            + "`GET /api/v1/settlements` as CSV or XLSX.")
    @ValueDates
    @ReportApiController.ExportFormat
    @ReportApiController.ExportFile
    ResponseEntity<StreamingResponseBody> export(Caller caller, @Parameter(hidden = true) @RequestParam Map<String, String> params,
                                                 HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        Settlements.Range range = settlements.range(params, errors);
        Exporter.Format format = ReportApiController.format(params, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        List<Settlements.Day> days = settlements.days(caller.merchantId(), range);
        return downloads.download("settlements", format, ReportColumns.settlements(), ReportApiController.language(request),
                "export.sheet.settlements", each -> days.forEach(each));
    }

    private Settlements.Range range(Map<String, String> params) {
        List<FieldProblem> errors = new ArrayList<>();
        Settlements.Range range = settlements.range(params, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        return range;
    }
}
