package com.linkpos.platform;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/** "notify.sms" from Jackson's path of a value that had the wrong type. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JacksonException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
