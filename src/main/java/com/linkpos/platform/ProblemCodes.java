package com.linkpos.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable problem codes an API operation answers with one status, beyond those every operation
 * of its kind can answer (401, 403, 429; 404 with an id in the path; 400 for unreadable input; 409 and
 * 422 of {@code Idempotency-Key} on a POST). The OpenAPI description lists them, so that a generated
 * client's authors know which {@code code} values to handle.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemCodes.List.class)
public @interface ProblemCodes {

    /** The HTTP status of the problem response. */
    int status();

    /** Its stable {@code code} values. */
    String[] value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemCodes[] value();
    }
}
