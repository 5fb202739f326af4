package com.linkpos.shared;

import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;

/** "notify.sms" from Jackson's path of a value that had the wrong type. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(DatabindException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
