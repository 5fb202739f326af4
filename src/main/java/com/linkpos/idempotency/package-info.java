/**
 * The Idempotency-Key of every API POST.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared"})
package com.linkpos.idempotency;

import org.springframework.modulith.ApplicationModule;
