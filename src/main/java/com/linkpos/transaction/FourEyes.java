package com.linkpos.transaction;

import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.Money;
import com.linkpos.shared.ProblemException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * [S3] Four eyes: above a merchant-set amount a refund waits for a second admin's approval; nobody approves
 * his own. The rules alone, without a database, so that they can be read (and tested) in one place.
 */
final class FourEyes {

    private FourEyes() {
    }

    /**
     * Whether a refund of {@code refund} waits for a second admin when the merchant set {@code above} (null: four
     * eyes off). Strictly above: a refund of exactly the amount set is made at once. A refund in another currency
     * than the one set (a Döviz POS sale) always waits: there is no rate here to compare it by, and waiting is the
     * safe side of not knowing.
     */
    static boolean needsApproval(Money above, Money refund) {
        if (above == null) {
            return false;
        }
        return refund.currency() != above.currency() || refund.minor() > above.minor();
    }

    /**
     * Refuses an approver who may not approve {@code request}: an API key (a key is not a person, so it cannot be
     * the second one), anyone but a merchant admin, and whoever asked for the refund.
     */
    static void checkApprover(Caller approver, RefundRequest request) {
        if (approver.isApiKey()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
                    List.of(FieldProblem.of("approvedBy", "approval_by_a_person")));
        }
        if (!approver.isMerchantAdmin()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", List.of());
        }
        if (asked(approver, request)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "own_refund_request", List.of());
        }
    }

    /** A request may be cancelled by whoever asked for it, or by any merchant admin. */
    static boolean mayCancel(Caller caller, RefundRequest request) {
        return caller.isMerchantAdmin() || asked(caller, request);
    }

    /** Whether {@code caller} may approve {@code request} (for a page to offer the button only to them). */
    static boolean mayApprove(Caller caller, RefundRequest request) {
        return !caller.isApiKey() && caller.isMerchantAdmin() && !asked(caller, request);
    }

    /** Whether {@code caller} asked for it: himself, or with an API key he made. */
    private static boolean asked(Caller caller, RefundRequest request) {
        return samePerson(caller.name(), request.requestedBy())
                || request.requestedFor() != null && samePerson(caller.name(), request.requestedFor());
    }

    /** Usernames are unique whatever their case (users are looked up by lower(username)). */
    private static boolean samePerson(String one, String other) {
        return one.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

}
