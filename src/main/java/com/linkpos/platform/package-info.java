/**
 * What cuts across modules: the security chains (each module adds its own portal URLs through
 * WebAccess), who is calling (Caller, Role), API-key and login throttling, rate limits, RFC 9457
 * problem answers and error pages, request size limit, JSON strictness, languages and formats, the
 * OpenAPI description, the embedded PostgreSQL, secret keys, the login, home and help pages.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package com.linkpos.platform;

import org.springframework.modulith.ApplicationModule;
