/**
 * [S2] The audit log: who changed what, when, from where, with the changed values (never a secret).
 * Every module that changes state records it through {@link com.linkpos.audit.AuditTrail} inside the
 * same transaction as the change; nothing updates or deletes an event (the database refuses it).
 */
@ApplicationModule(allowedDependencies = {"platform", "shared"})
package com.linkpos.audit;

import org.springframework.modulith.ApplicationModule;
