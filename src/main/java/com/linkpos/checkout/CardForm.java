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

    /** Forgets what must not travel further than this request. */
    void forgetCard() {
        cardNumber = null;
        cvv = null;
    }

    @Override
    public String toString() {
        return "CardForm[holder set: " + (cardHolder != null) + "]";
    }
}
