package com.linkpos.acquiring;

import com.linkpos.shared.Money;
import java.util.Map;

/**
 * What a bank does for LinkPOS [B2]: BIN lookup, 3-D Secure enrolment and challenge, authorization,
 * void, refund and the end-of-day batch. The built-in {@link BankSimulator} implements it; a real
 * bank adapter can replace it.
 *
 * <p>The 3-D Secure round trip follows the Turkish virtual POS "3D" model: {@link #enroll} hands the
 * card to the bank and returns where the payer must go (the issuer's ACS); the ACS sends the payer
 * back to the return URL with a signed answer that {@link #readAcsAnswer} checks; only then does
 * {@link #authorize} charge the card, which the bank still holds: LinkPOS never needs the number again.
 */
public interface Acquirer {

    /** The card's scheme, issuer and program by its BIN; brand from the number when no table knows it. */
    CardInfo lookup(String cardNumber);

    Enrollment enroll(EnrollmentRequest request);

    /** Checks the ACS's signed answer; a tampered or foreign answer throws {@link InvalidAcsAnswer}. */
    ThreeDSecureResult readAcsAnswer(Map<String, String> answer);

    BankResponse authorize(AuthorizationRequest request);

    /**
     * What the bank answered to the authorization of this reference (a payment attempt), if it ever
     * got one: for recovering attempts whose answer was lost (a crash while the bank was answering).
     */
    java.util.Optional<BankResponse> inquire(String merchantId, String reference);

    /** Cancels an approved sale of the open batch, in full. */
    BankResponse voidSale(String merchantId, String hostReference);

    /** Pays back part or all of an approved sale of a closed batch. */
    BankResponse refund(String merchantId, String hostReference, Money amount);

    /** Ends the day for a merchant: what was open can no longer be voided, only refunded. */
    void closeBatch(String merchantId);

    record EnrollmentRequest(String merchantId, String merchantName, String orderNumber, String reference,
                             CardDetails card, Money amount, int installments, String returnUrl) {
    }

    /** Where the payer goes next; {@code mdStatus} "2" (not enrolled) means no challenge is possible. */
    record Enrollment(boolean enrolled, String xid, String acsUrl, String mdStatus) {
    }

    /** mdStatus "1" is full authentication; anything else is not. */
    record ThreeDSecureResult(String xid, String reference, String mdStatus, String eci, String cavv) {
        public boolean authenticated() {
            return "1".equals(mdStatus);
        }
    }

    record AuthorizationRequest(String merchantId, String xid, String reference, String orderNumber, Money amount,
                                int installments, String cavv, String eci) {
    }

    /** The bank's answer in the Turkish virtual POS habit: "00" approved, two-digit ISO-style codes otherwise. */
    record BankResponse(boolean approved, String responseCode, String responseMessage, String authCode,
                        String hostReference) {
    }

    final class InvalidAcsAnswer extends RuntimeException {
        public InvalidAcsAnswer(String reason) {
            super(reason, null, false, false);
        }
    }
}
