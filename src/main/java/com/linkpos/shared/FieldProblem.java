package com.linkpos.shared;

/**
 * One reason a field was refused: a stable machine code, and the message key (with arguments)
 * that explains it in the user's language. The key defaults to {@code error.<code>}.
 */
public record FieldProblem(String field, String code, String messageKey, Object... args) {

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, "error." + code, args);
    }

    public static FieldProblem withMessage(String field, String code, String messageKey, Object... args) {
        return new FieldProblem(field, code, messageKey, args);
    }
}
