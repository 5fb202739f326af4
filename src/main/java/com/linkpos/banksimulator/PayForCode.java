package com.linkpos.banksimulator;

import java.util.Map;

/**
 * The answers of the simulated PayFor gateway: its own codes (docs/VPOS.md A6, with the Turkish texts
 * the real gateway writes where they were seen) and the issuer's ISO 8583 codes it passes through.
 */
enum PayForCode {
    APPROVED("00", "Onaylandı"),
    CURRENCY_INVALID("M002", "Para birimi geçersiz"),
    CURRENCY_MISSING("M003", "Para birimi boş olamaz"),
    AMOUNT_INVALID("M004", "Tutar sıfır, boş veya hatalı"),
    CVV_MISSING("M005", "CVV2 boş olamaz"),
    EXPIRY_INVALID("M006", "Son kullanma tarihi boş veya hatalı (AAYY)"),
    FAIL_URL_INVALID("M007", "FailUrl boş veya hatalı"),
    PAN_LENGTH("M008", "Kart numarası 13-19 hane olmalıdır"),
    OK_URL_INVALID("M010", "OkUrl boş veya hatalı"),
    AMOUNT_MISSING("M012", "Tutar boş veya geçersiz uzunlukta"),
    MBR_ID_MISSING("M013", "Kurum kodu (MbrId) boş olamaz"),
    SECURE_TYPE_UNKNOWN("M014", "Geçersiz SecureType"),
    TXN_TYPE_UNKNOWN("M015", "Geçersiz TxnType"),
    USER_CODE_MISSING("M016", "UserCode boş olamaz"),
    USER_PASS_MISSING("M017", "UserPass boş olamaz"),
    CVV_INVALID("M018", "Cvv2 hatalı"),
    ORIGINAL_ORDER_REQUIRED("M022", "Bu işlem tipi için asıl sipariş no (OrgOrderId) zorunludur"),
    MERCHANT_ID_MISSING("M024", "Üye işyeri no boş olamaz"),
    SECURE_TYPE_MISMATCH("M026", "İşlem tipi için SecureType hatalı"),
    ORDER_ID_REQUIRED("M028", "Sipariş no zorunludur"),
    HASH_MISMATCH("M030", "HASH Uyuşmazlığı"),
    URL_TOO_LONG("M038", "OkUrl ve FailUrl en fazla 200 karakter olabilir"),
    CARD_NUMBER_INVALID("M041", "Geçersiz kart numarası"),
    REQUEST_EMPTY("M043", "İstek boş"),
    IP_RESTRICTED("M047", "Bu kullanıcı için IP kısıtlaması vardır"),
    WRONG_VALUE("M048", "Hatalı değer"),
    EXPONENT_MISMATCH("M050", "Tutarın ondalık hanesi para birimine uymuyor"),
    USER_NOT_AUTHENTICATED("V004", "Kullanıcı doğrulanamadı"),
    UNKNOWN_CARD_TYPE("V005", "Bilinmeyen kart tipi"),
    MERCHANT_NOT_FOUND("V008", "Üye işyeri bulunamadı"),
    TXN_TYPE_NOT_ALLOWED("V011", "Bu işlem tipine terminalin yetkisi yok"),
    TRANSACTION_NOT_FOUND("V013", "Seçili İşlem Bulunamadı!"),
    REFUND_BEFORE_END_OF_DAY("V014", "Günsonundan önce iade yapılamaz. Asıl işlem iptal edilmelidir"),
    REFUND_EXCEEDS("V015", "İade tutarı, iade edilebilir tutardan büyük olamaz"),
    ALREADY_VOIDED("V017", "İşlem daha önce iptal edilmiş"),
    CANNOT_VOID("V018", "Bu işlem iptal edilemez"),
    NOT_A_PRE_AUTHORIZATION("V016", "İşlem bir ön provizyon değil"),
    NOT_COMPLETED("V020", "İşlem henüz tamamlanmamış"),
    PRE_AUTHORIZATION_CLOSED("V025", "Ön provizyon daha önce kapatılmış"),
    CAPTURE_AMOUNT_DIFFERS("V027", "Kapama tutarı ön provizyon tutarından en çok %15 farklı olabilir"),
    INSTALLMENT_REQUIRED("V023", "Taksit sayısı boş olamaz"),
    REFUND_AMOUNT_MISSING("V031", "İade tutarı boş olamaz"),
    THREE_D_AUTHENTICATED("V033", "3D Kullanıcı Doğrulama Adımı Başarılı"),
    THREE_D_FAILED("V034", "3D Kullanıcı Doğrulama Adımı Başarısız"),
    SYSTEM_ERROR("V036", "Sistem Hatası"),
    ALREADY_REFUNDED("V037", "İşlem daha önce tamamen iade edilmiş"),
    THREE_D_AUTHORIZE_ERROR("MR15", "3D Secure Authorize Error"),
    DUPLICATE_ORDER("101310", "Verilen sipariş no önceden kullanılmıştır.");

    /** What the issuer says with the ISO 8583 codes of the test cards (API.md), as Turkish banks word them. */
    private static final Map<String, String> ISSUER = Map.of(
            "00", "Onaylandı",
            "05", "Red-Onaylanmadı",
            "12", "Geçersiz işlem",
            "13", "Geçersiz tutar",
            "51", "Limit yetersiz",
            "54", "Vadesi dolmuş kart",
            "57", "Kart sahibine bu işlem izni yok",
            "96", "Sistem hatası");

    final String code;
    final String message;

    PayForCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The issuer's text for an ISO 8583 code. */
    static String issuerMessage(String code) {
        return ISSUER.getOrDefault(code, "Red-Onaylanmadı");
    }
}
