package com.linkpos.link;

import com.linkpos.audit.Actor;
import com.linkpos.audit.AuditTrail;
import com.linkpos.audit.Changes;
import com.linkpos.platform.Caller;
import org.springframework.stereotype.Component;

/**
 * [S2] What the audit log keeps of a link's changes: its terms as the API writes them (never its token,
 * which is as good as the link itself to whoever reads it).
 */
@Component
class LinkAudit {

    private final AuditTrail trail;

    LinkAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void created(Caller by, Link link) {
        trail.record(Actor.of(by), "link.created", link.merchantId(), link.id(), changes(null, link));
    }

    void updated(Link before, Link after) {
        Changes changes = changes(before, after);
        if (!changes.isEmpty()) { // an edit that changed nothing is no change to audit
            trail.record("link.updated", after.merchantId(), after.id(), changes);
        }
    }

    void deleted(Link link) {
        trail.record("link.deleted", link.merchantId(), link.id(), Changes.none().set("deletedAt", link.deletedAt()));
    }

    void sent(Link link, String sms, String email) {
        trail.record("link.sent", link.merchantId(), link.id(), Changes.none()
                .set("sms", sms == null ? null : com.linkpos.shared.Masks.phone(sms))
                .set("email", email == null ? null : com.linkpos.shared.Masks.email(email)));
    }

    void defaultsUpdated(String merchantId, Object before, Object after) {
        Changes changes = Changes.none().change("reminderBefore", before, after);
        if (!changes.isEmpty()) {
            trail.record("link_defaults.updated", merchantId, null, changes);
        }
    }

    void bulkUploaded(String merchantId, String uploadId, int rows) {
        trail.record("link.bulk_uploaded", merchantId, uploadId, Changes.none().set("rows", rows));
    }

    /** Each field as it was ({@code null} for a new link) and as it is. */
    private static Changes changes(Link before, Link after) {
        Changes changes = Changes.none();
        changes.change("orderNumber", before == null ? null : before.orderNumber(), after.orderNumber());
        // as the API writes them (API.md: "amount": ["100.00", "120.00"])
        changes.change("amount", before == null ? null : before.amount().toDecimalString(), after.amount().toDecimalString());
        changes.change("currency", before == null ? null : before.amount().currency().name(), after.amount().currency().name());
        changes.change("openAmount", before == null ? null : range(before.openAmount()), range(after.openAmount()));
        changes.change("installments", before == null ? null : before.installments(), after.installments());
        changes.change("validFrom", before == null ? null : before.validFrom(), after.validFrom());
        changes.change("validUntil", before == null ? null : before.validUntil(), after.validUntil());
        changes.change("usage", before == null ? null : before.usage(), after.usage());
        changes.change("maxPayments", before == null ? null : before.maxPayments(), after.maxPayments());
        changes.change("description", before == null ? null : before.description(), after.description());
        changes.change("payerNoteEnabled", before == null ? null : before.payerNoteEnabled(), after.payerNoteEnabled());
        changes.change("preAuthorization", before == null ? null : before.preAuthorization(), after.preAuthorization());
        changes.change("reminderBefore", before == null ? null : before.reminderBefore(), after.reminderBefore());
        changes.change("returnUrl", before == null ? null : before.returnUrl(), after.returnUrl());
        return changes;
    }

    private static String range(OpenAmount open) {
        return open == null ? null : open.min().toDecimalString() + " – " + open.max().toDecimalString();
    }
}
