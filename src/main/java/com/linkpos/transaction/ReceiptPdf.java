package com.linkpos.transaction;

import com.linkpos.platform.Formats;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * [X7] The receipt of an approved sale as a PDF, in Turkish or English: merchant, amount, installments,
 * masked card, authorization code, date (Istanbul), order number and the bank's reference. The font
 * (DejaVu Sans, in the jar) is embedded, so Turkish letters print the same in every reader.
 */
@Component
public class ReceiptPdf {

    private final MessageSource messages;
    private final byte[] font;

    ReceiptPdf(MessageSource messages) {
        this.messages = messages;
        try (InputStream in = ReceiptPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            this.font = in.readAllBytes();
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("the receipt's font is missing from the jar", missing);
        }
    }

    /** The receipt of {@code sale} (an approved sale) of the merchant named {@code merchantName}. */
    public byte[] render(Transaction sale, String merchantName, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A5, 36, 36, 36, 36);
        try {
            BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
            Font title = new Font(base, 16, Font.BOLD);
            Font label = new Font(base, 9);
            Font value = new Font(base, 10);
            PdfWriter.getInstance(document, out);
            document.addTitle(text("result.receipt", locale) + " " + sale.orderNumber());
            document.open();
            Paragraph heading = new Paragraph(merchantName, title);
            heading.setSpacingAfter(4);
            document.add(heading);
            Paragraph subtitle = new Paragraph(text("result.receipt", locale), value);
            subtitle.setSpacingAfter(12);
            document.add(subtitle);

            PdfPTable table = new PdfPTable(new float[] {2, 3});
            table.setWidthPercentage(100);
            fields(sale, merchantName, locale).forEach((name, shown) -> {
                table.addCell(cell(name, label));
                table.addCell(cell(shown, value));
            });
            document.add(table);
            Paragraph note = new Paragraph(text("receipt.pdf.note", locale), label);
            note.setSpacingBefore(12);
            note.setAlignment(Element.ALIGN_LEFT);
            document.add(note);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /**
     * The receipt as an HTTP answer shown in the browser (its file name the order number's); the ledger's
     * approved sales, holds and captures only [X6]: anything else has no receipt (empty).
     */
    public java.util.Optional<org.springframework.http.ResponseEntity<byte[]>> answer(Transaction sale, String merchantName,
                                                                                       Locale locale) {
        if (!(sale.type().isSale() || sale.type() == TransactionType.PRE_AUTH) || !sale.approved()) {
            return java.util.Optional.empty();
        }
        String name = ("en".equals(locale.getLanguage()) ? "receipt-" : "dekont-")
                + sale.orderNumber().replaceAll("[^A-Za-z0-9_-]", "") + ".pdf";
        return java.util.Optional.of(org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline().filename(name).build().toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(render(sale, merchantName, locale)));
    }

    private Map<String, String> fields(Transaction sale, String merchantName, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(text("pay.merchant", locale), merchantName);
        fields.put(text("tx.type", locale), text("tx.type." + sale.type().name(), locale));
        fields.put(text("pay.amount", locale), Formats.money(sale.amount(), locale));
        if (sale.installmentCost().minor() > 0) {
            fields.put(text("tx.installmentCost", locale), Formats.money(sale.installmentCost(), locale));
        }
        fields.put(text("pay.installments", locale), sale.installments() == 1 ? text("installments.single", locale)
                : messages.getMessage("installments.each", new Object[] {sale.installments(),
                        Formats.money(sale.amount().installment(sale.installments()), locale)}, locale));
        fields.put(text("result.card", locale), sale.card() == null ? "—" : sale.card().masked());
        fields.put(text("result.authCode", locale), sale.authCode() == null ? "—" : sale.authCode());
        fields.put(text("result.date", locale), messages.getMessage("time.istanbul", new Object[] {
                Formats.dateTime(sale.createdAt(), locale)}, locale));
        fields.put(text("pay.orderNumber", locale), sale.orderNumber());
        fields.put(text("result.reference", locale), sale.hostReference() == null ? "—" : sale.hostReference());
        return fields;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(text, font));
        cell.setBorderWidth(0);
        cell.setPaddingBottom(6);
        return cell;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
