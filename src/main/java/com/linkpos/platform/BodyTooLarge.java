package com.linkpos.platform;

import java.io.IOException;

/** An API request body past the limit, found while reading it; answered as 413. */
public final class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
