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
 * One complete hosted payment as a browser makes it through the PayFor adapter, six requests, each
 * origin keeping its own cookies: LinkPOS's payment page, its card form (answered with a page whose
 * form posts the card to the bank by itself), that form posted to the simulated PayFor gateway's
 * {@code Gateway/Default.aspx} (answered with the issuer's ACS page), the code posted to the ACS
 * (answered with a page whose form posts the bank's signed answer back to LinkPOS), that answer posted
 * to LinkPOS (which checks its hash, provisions server to server on {@code XMLGate.aspx} and redirects)
 * and the result page. Every answer is checked (status, the form's target, its fields, an APPROVED
 * result); any other answer fails the payment. Redirects and self-posting forms are not followed
 * automatically: each one is a timed step.
 */
final class HostedPayment implements ClosedLoop.Iteration {

    static final List<String> STEPS = List.of(
            "page (`GET /pay/{token}`, LinkPOS)",
            "submit (`POST /pay/{token}`, card form → form to the bank, LinkPOS)",
            "3-D form to the bank (`POST …/Gateway/Default.aspx` → ACS page, simulator)",
            "ACS answer (`POST …/acs/{guid}`, otp → form back, simulator)",
            "return (`POST /pay/{token}/3ds/{attempt}`: hash, XMLGate provision, 303, LinkPOS)",
            "result (`GET /pay/{token}/result/{attempt}`, LinkPOS)");

    static final String CARD = "4155650100416111";
    static final String HOLDER = "Ayşe Yılmaz";
    static final String OTP = "123456";
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NAME = attribute("name");
    private static final Pattern VALUE = attribute("value");
    private static final Pattern TYPE = attribute("type");
    private static final Pattern ACTION = attribute("action");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    private final BlockingHttp http;
    private final URI base;
    private final String gateway;
    private final List<String> tokens;

    /**
     * {@code base}: LinkPOS; {@code gatewayUrl}: the PayFor gateway it is pointed at (…/simulator/payfor);
     * {@code tokens}: the links paid, client i pays link i mod size.
     */
    HostedPayment(BlockingHttp http, String base, String gatewayUrl, List<String> tokens) {
        this.http = http;
        this.base = URI.create(base);
        this.gateway = gatewayUrl;
        this.tokens = tokens;
    }

    @Override
    public void run(int client, long[] steps) throws Exception {
        String token = tokens.get(client % tokens.size());
        Map<String, Map<String, String>> cookies = new LinkedHashMap<>(); // a new payer: no cookies yet, a jar per origin

        // 1. the payment page
        long t = System.nanoTime();
        BlockingHttp.Response page = send(base.resolve("/pay/" + token), null, cookies);
        steps[0] = System.nanoTime() - t;
        expect(page, 200, "payment page");
        Map<String, String> card = hidden(element(page.body(), "id=\"card-form\"", "</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nonce", required(card, "nonce", "the card form"));
        fields.put("cardHolder", HOLDER);
        fields.put("cardNumber", CARD);
        fields.put("expiry", "12/30");
        fields.put("cvv", "123");
        fields.put("_csrf", required(card, "_csrf", "the card form"));

        // 2. the card form: LinkPOS answers with a form that posts the card to the bank's Default.aspx
        t = System.nanoTime();
        BlockingHttp.Response submitted = send(base.resolve("/pay/" + token), form(fields), cookies);
        steps[1] = System.nanoTime() - t;
        expect(submitted, 200, "card form");
        AutoPost toBank = autoPost(submitted.body(), "card form");
        if (!toBank.action().equals(gateway + "/Gateway/Default.aspx")) {
            throw new IllegalStateException("card form: the form goes to '" + toBank.action() + "', not to "
                    + gateway + "/Gateway/Default.aspx");
        }
        if (!CARD.equals(toBank.fields().get("Pan")) || !HOLDER.equals(toBank.fields().get("CardHolderName"))
                || !"3DModel".equals(toBank.fields().get("SecureType"))) {
            throw new IllegalStateException("card form: the bank's form does not carry the card as posted: Pan "
                    + mask(toBank.fields().get("Pan")) + ", CardHolderName " + toBank.fields().get("CardHolderName")
                    + ", SecureType " + toBank.fields().get("SecureType"));
        }

        // 3. the browser posts it to the bank, which answers with the issuer's ACS page
        t = System.nanoTime();
        BlockingHttp.Response challenge = send(URI.create(toBank.action()), form(toBank.fields()), cookies);
        steps[2] = System.nanoTime() - t;
        expect(challenge, 200, "Default.aspx");
        String acsForm = element(challenge.body(), "id=\"acs-form\"", "</form>");
        String acs = unescape(attr(openingTag(acsForm), ACTION, "the ACS form's action"));
        if (!acs.startsWith(gateway + "/acs/")) {
            throw new IllegalStateException("Default.aspx: the ACS form goes to '" + acs + "', not to " + gateway + "/acs/…");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("otp", OTP);
        answer.putAll(hidden(acsForm)); // its _csrf (not checked there), as a browser sends it

        // 4. the code, to the ACS: a form that posts the bank's signed answer back to LinkPOS
        t = System.nanoTime();
        BlockingHttp.Response answered = send(URI.create(acs), form(answer), cookies);
        steps[3] = System.nanoTime() - t;
        expect(answered, 200, "ACS answer");
        AutoPost back = autoPost(answered.body(), "ACS answer");
        URI callback = URI.create(back.action());
        String callbackPrefix = "/pay/" + token + "/3ds/";
        if (!sameOrigin(callback, base) || !callback.getRawPath().startsWith(callbackPrefix)) {
            throw new IllegalStateException("ACS answer: the bank's answer goes to '" + back.action() + "', not to "
                    + base.resolve(callbackPrefix) + "…");
        }
        if (!"1".equals(back.fields().get("3DStatus")) || back.fields().get("ResponseHash") == null) {
            throw new IllegalStateException("ACS answer: not authenticated: 3DStatus " + back.fields().get("3DStatus")
                    + ", ProcReturnCode " + back.fields().get("ProcReturnCode") + ", ErrMsg " + back.fields().get("ErrMsg"));
        }

        // 5. the bank's answer back to LinkPOS: hash checked, provision on XMLGate (server to server), 303 to the result
        t = System.nanoTime();
        BlockingHttp.Response returned = send(callback, form(back.fields()), cookies);
        steps[4] = System.nanoTime() - t;
        URI result = redirect(returned, "/pay/" + token + "/result/", "return from the bank");

        // 6. the result page
        t = System.nanoTime();
        BlockingHttp.Response shown = send(result, null, cookies);
        steps[5] = System.nanoTime() - t;
        expect(shown, 200, "result page");
        String section = element(shown.body(), "id=\"payment-result\"", ">");
        if (!section.contains("data-status=\"APPROVED\"")) {
            throw new IllegalStateException("payment not approved: " + section);
        }
    }

    /** A form a page posts by itself ({@code form[data-autosubmit]}): its absolute target and hidden fields, unescaped. */
    record AutoPost(String action, Map<String, String> fields) {
    }

    private AutoPost autoPost(String html, String what) {
        String form = element(html, "data-autosubmit", "</form>");
        String tag = openingTag(form);
        if (!tag.startsWith("<form")) {
            throw new IllegalStateException(what + ": data-autosubmit is not on a form: " + snippet(tag));
        }
        String action = base.resolve(unescape(attr(tag, ACTION, what + ": the self-posting form's action"))).toString();
        return new AutoPost(action, hidden(form));
    }

    /**
     * GET, or POST of a form ({@code application/x-www-form-urlencoded}, UTF-8) when {@code form} is not null,
     * with the cookies of the target's origin; keeps the cookies it sets.
     */
    private BlockingHttp.Response send(URI uri, String form, Map<String, Map<String, String>> jars) throws IOException {
        Map<String, String> jar = jars.computeIfAbsent(uri.getScheme() + "://" + uri.getRawAuthority(), origin -> new LinkedHashMap<>());
        Map<String, String> headers = new LinkedHashMap<>();
        if (!jar.isEmpty()) {
            StringBuilder header = new StringBuilder();
            jar.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            headers.put("Cookie", header.toString());
        }
        BlockingHttp.Response response;
        if (form == null) {
            response = http.get(uri, headers);
        } else {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            response = http.post(uri, headers, form);
        }
        for (String set : response.all("Set-Cookie")) {
            int eq = set.indexOf('=');
            int end = set.indexOf(';');
            if (eq > 0) {
                jar.put(set.substring(0, eq).strip(), set.substring(eq + 1, end < 0 ? set.length() : end).strip());
            }
        }
        return response;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }

    private static void expect(BlockingHttp.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " (expected " + status + ") "
                    + snippet(response.body()));
        }
    }

    /** The target of a 302/303 redirect, checked to go where it should. */
    private URI redirect(BlockingHttp.Response response, String expected, String what) {
        String location = response.header("Location") == null ? "" : response.header("Location");
        if ((response.status() != 303 && response.status() != 302) || !location.contains(expected)) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " to '" + location
                    + "' (expected a redirect to " + expected + "…) " + snippet(response.body()));
        }
        return base.resolve(location);
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

    private static String openingTag(String element) {
        int close = element.indexOf('>');
        return close < 0 ? element : element.substring(0, close + 1);
    }

    /** The hidden inputs of a form, by name, their values unescaped (the first of a repeated name counts). */
    static Map<String, String> hidden(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String tag = input.group();
            Matcher type = TYPE.matcher(tag);
            Matcher name = NAME.matcher(tag);
            if (type.find() && type.group(1).equalsIgnoreCase("hidden") && name.find()) {
                Matcher value = VALUE.matcher(tag);
                fields.putIfAbsent(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name, String where) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " field in " + where + " (fields: " + fields.keySet() + ")");
        }
        return value;
    }

    private static Pattern attribute(String name) {
        return Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"");
    }

    private static String attr(String tag, Pattern attribute, String what) {
        Matcher value = attribute.matcher(tag);
        if (!value.find()) {
            throw new IllegalStateException("no " + what + " in " + snippet(tag));
        }
        return value.group(1);
    }

    /**
     * An attribute's text as the browser reads it: named references of markup (&amp;amp; &amp;lt; &amp;gt;
     * &amp;quot; &amp;apos; &amp;nbsp;) and numeric ones (&amp;#39; &amp;#x2B;); anything else is left as written.
     */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> {
                    if (name.charAt(0) != '#') {
                        yield entity.group();
                    }
                    boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                    int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                    yield new String(Character.toChars(code));
                }
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return entity.appendTail(out).toString();
    }

    static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static String mask(String pan) {
        return pan == null ? "none" : pan.length() < 10 ? "?" : pan.substring(0, 6) + "…" + pan.substring(pan.length() - 4);
    }

    private static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
