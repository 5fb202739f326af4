package com.linkpos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One complete hosted payment as a browser makes it, six requests keeping its cookies: the payment
 * page, the card form, the issuer's 3-D Secure page, its answer, the return to LinkPOS and the result
 * page. Every answer is checked (status, redirect target, the form fields, an APPROVED result), and
 * any other answer fails the payment. Redirects are not followed automatically: each one is a timed step.
 */
final class HostedPayment implements ClosedLoop.Iteration {

    static final List<String> STEPS = List.of(
            "page (`GET /pay/{token}`)",
            "submit (`POST /pay/{token}`, card form)",
            "ACS page (`GET /acs/{xid}`)",
            "ACS answer (`POST /acs/{xid}`, otp)",
            "return (`GET /pay/{token}/3ds/{attempt}`)",
            "result (`GET /pay/{token}/result/{attempt}`)");

    static final String CARD = "4155650100416111";
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern CSRF = input("_csrf");
    private static final Pattern NONCE = input("nonce");
    private final BlockingHttp http;
    private final URI base;
    private final List<String> tokens;

    /** {@code tokens}: the links paid; client i pays link i mod size. */
    HostedPayment(BlockingHttp http, String base, List<String> tokens) {
        this.http = http;
        this.base = URI.create(base);
        this.tokens = tokens;
    }

    @Override
    public void run(int client, long[] steps) throws Exception {
        String token = tokens.get(client % tokens.size());
        Map<String, String> cookies = new LinkedHashMap<>(); // a new payer: no cookies yet

        long t = System.nanoTime();
        BlockingHttp.Response page = send("/pay/" + token, null, cookies);
        steps[0] = System.nanoTime() - t;
        expect(page, 200, "payment page");
        String form = element(page.body(), "id=\"card-form\"", "</form>");
        String body = form(Map.of("cardHolder", "Ayşe Yılmaz", "cardNumber", CARD, "expiry", "12/30", "cvv", "123",
                "nonce", value(form, NONCE, "nonce"), "_csrf", value(form, CSRF, "_csrf")));

        t = System.nanoTime();
        BlockingHttp.Response submitted = send("/pay/" + token, body, cookies);
        steps[1] = System.nanoTime() - t;
        String acs = redirect(submitted, "/acs/", "card form");

        t = System.nanoTime();
        BlockingHttp.Response challenge = send(acs, null, cookies);
        steps[2] = System.nanoTime() - t;
        expect(challenge, 200, "ACS page");
        String acsForm = element(challenge.body(), "id=\"acs-form\"", "</form>");
        body = form(Map.of("otp", "123456", "_csrf", value(acsForm, CSRF, "_csrf on the ACS page")));

        t = System.nanoTime();
        BlockingHttp.Response answered = send(acs, body, cookies);
        steps[3] = System.nanoTime() - t;
        String back = redirect(answered, "/pay/" + token + "/3ds/", "ACS answer");

        t = System.nanoTime();
        BlockingHttp.Response returned = send(back, null, cookies);
        steps[4] = System.nanoTime() - t;
        String result = redirect(returned, "/pay/" + token + "/result/", "return from the ACS");

        t = System.nanoTime();
        BlockingHttp.Response shown = send(result, null, cookies);
        steps[5] = System.nanoTime() - t;
        expect(shown, 200, "result page");
        String section = element(shown.body(), "id=\"payment-result\"", ">");
        if (!section.contains("data-status=\"APPROVED\"")) {
            throw new IllegalStateException("payment not approved: " + section);
        }
    }

    /** GET, or POST of a form when {@code form} is not null, with the payer's cookies; keeps the cookies set. */
    private BlockingHttp.Response send(String path, String form, Map<String, String> cookies) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            headers.put("Cookie", header.toString());
        }
        BlockingHttp.Response response;
        if (form == null) {
            response = http.get(base.resolve(path), headers);
        } else {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            response = http.post(base.resolve(path), headers, form);
        }
        for (String set : response.all("Set-Cookie")) {
            int eq = set.indexOf('=');
            int end = set.indexOf(';');
            if (eq > 0) {
                cookies.put(set.substring(0, eq).strip(), set.substring(eq + 1, end < 0 ? set.length() : end).strip());
            }
        }
        return response;
    }

    private static void expect(BlockingHttp.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " (expected " + status + ") "
                    + snippet(response.body()));
        }
    }

    /** The path of a 302/303 redirect, checked to go where it should. */
    private String redirect(BlockingHttp.Response response, String expected, String what) {
        String location = response.header("Location") == null ? "" : response.header("Location");
        if ((response.status() != 303 && response.status() != 302) || !location.contains(expected)) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " to '" + location
                    + "' (expected a redirect to " + expected + "…) " + snippet(response.body()));
        }
        URI target = base.resolve(location);
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    /** From the tag holding {@code marker} to {@code end}. */
    private static String element(String html, String marker, String end) {
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("no " + marker + " on the page: " + snippet(html));
        }
        int from = html.lastIndexOf('<', at);
        int to = html.indexOf(end, at);
        return html.substring(from, to < 0 ? html.length() : to + end.length());
    }

    private static Pattern input(String name) {
        return Pattern.compile("<input\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>");
    }

    private static String value(String html, Pattern input, String what) {
        Matcher tag = input.matcher(html);
        if (!tag.find()) {
            throw new IllegalStateException("no " + what + " field in " + snippet(html));
        }
        Matcher value = VALUE.matcher(tag.group());
        if (!value.find()) {
            throw new IllegalStateException("no value in " + tag.group());
        }
        return value.group(1).replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
