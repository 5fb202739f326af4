package com.linkpos.shared;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A refusal that LinkPOS explains: the API turns it into an RFC 9457 problem with a stable code,
 * the portal into messages beside the fields. Nothing has been changed when it is thrown.
 */
public class ProblemException extends RuntimeException {

    /** Codes promised by API.md; a refusal with one of these names it as its top-level code. */
    private static final Set<String> STABLE_CODES = Set.of(
            "order_number_taken", "currency_not_permitted", "installments_not_permitted",
            "installments_only_try", "amount_too_large", "invalid_validity_period",
            "sms_number_not_turkish_mobile", "link_not_editable", "link_frozen_after_payment",
            "order_number_immutable");

    private final HttpStatus status;
    private final String code;
    private final transient List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String code, List<FieldProblem> errors) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        String code = errors.stream().map(FieldProblem::code).filter(STABLE_CODES::contains)
                .findFirst().orElse("validation_failed");
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, errors);
    }

    public static ProblemException invalid(FieldProblem error) {
        return invalid(List.of(error));
    }

    /** Malformed requests (bad JSON, wrong types, unknown parameters' values). */
    public static ProblemException badRequest(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", errors);
    }

    public static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not_found", List.of());
    }

    public static ProblemException conflict(String code, FieldProblem... errors) {
        return new ProblemException(HttpStatus.CONFLICT, code, List.of(errors));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
