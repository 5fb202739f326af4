package com.linkpos.checkout;

/**
 * The payment page's form as posted (API.md: cardHolder, cardNumber, expiry MM/YY, cvv, payerNote).
 * The card number and CVV are never put back into a page, a log or the database.
 */
public class CardForm {

    private String cardHolder;
    private String cardNumber;
    private String expiry;
    private String cvv;
    private String payerNote;
    private String nonce;
    /** [T1] The count the payer chose, where the link lets the payer choose. */
    private String installments;
    /** [X4] The amount the payer typed, in the page's language, where the link leaves it to the payer. */
    private String amount;
    /** The BIN of the card last submitted: the page lists that card's installment offers again without its number. */
    private String cardBin;

    public String getCardHolder() { return cardHolder; }
    public void setCardHolder(String cardHolder) { this.cardHolder = cardHolder; }
    public String getCardNumber() { return cardNumber; }
    public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }
    public String getExpiry() { return expiry; }
    public void setExpiry(String expiry) { this.expiry = expiry; }
    public String getCvv() { return cvv; }
    public void setCvv(String cvv) { this.cvv = cvv; }
    public String getPayerNote() { return payerNote; }
    public void setPayerNote(String payerNote) { this.payerNote = payerNote; }
    public String getNonce() { return nonce; }
    public void setNonce(String nonce) { this.nonce = nonce; }
    public String getInstallments() { return installments; }
    public void setInstallments(String installments) { this.installments = installments; }
    public String getCardBin() { return cardBin; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public void setCardBin(String cardBin) { this.cardBin = cardBin; }

    /** The chosen count: null when none was chosen, 0 when what came is not a count. */
    Integer chosenInstallments() {
        if (installments == null || installments.isBlank()) {
            return null;
        }
        return installments.strip().matches("\\d{1,2}") ? Integer.valueOf(installments.strip()) : 0;
    }

    /** Forgets what must not travel further than this request. */
    void forgetCard() {
        String digits = CardChecks.digitsOf(cardNumber);
        // the BIN (first six digits) is no secret: it names the card's bank and program, for its offers
        if (digits.matches("\\d{6,19}")) {
            cardBin = digits.substring(0, 6);
        } else if (cardBin != null && !cardBin.matches("\\d{6}")) {
            cardBin = null; // the hidden field came back as something else
        }
        cardNumber = null;
        cvv = null;
    }

    @Override
    public String toString() {
        return "CardForm[holder set: " + (cardHolder != null) + "]";
    }
}
