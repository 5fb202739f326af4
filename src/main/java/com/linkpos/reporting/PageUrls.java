package com.linkpos.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of the report pages that carry the screen's criteria: the next page, the exports. */
final class PageUrls {

    private PageUrls() {
    }

    /** {@code path} with the criteria that have a value as its query. */
    static String of(String path, Map<String, String> params) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().build().toUriString();
    }

    static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return copy;
    }
}
