package com.linkpos.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the message bundles, in Turkish and in English: no template
 * holds a literal user-facing text, and every message key a template names exists in both bundles.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Attributes people read or hear. */
    private static final List<String> READ_ATTRIBUTES = List.of("title", "placeholder", "aria-label", "alt");
    /** Elements whose text Thymeleaf replaces or that are replaced entirely. */
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert", "th:remove");
    private static final Pattern LETTER = Pattern.compile("\\p{L}{2,}");
    private static final Pattern KEY = Pattern.compile("#\\{'?([a-zA-Z][\\w.]*[\\w])'?[(}]");
    /** Names that are the same in every language: brands, formats, technical names. */
    private static final Set<String> UNIVERSAL = Set.of("LinkPOS", "TR", "EN", "Visa", "Mastercard", "Troy", "https", "QR",
            "SMS", "CSV", "svg", "OK");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (replaced(element)) {
                    continue;
                }
                String own = element.ownText().strip();
                if (hasWords(own)) {
                    violations.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + own);
                }
                for (String attribute : READ_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && hasWords(element.attr(attribute))) {
                        violations.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(violations).as("literal texts in templates").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesIsInBothBundles() throws IOException {
        Properties turkish = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher matcher = KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                String key = matcher.group(1);
                if (!turkish.containsKey(key)) {
                    missing.add("tr " + key + " (" + template.getFileName() + ")");
                }
                if (!english.containsKey(key)) {
                    missing.add("en " + key + " (" + template.getFileName() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(english.keySet()).as("the bundles name the same keys").isEqualTo(turkish.keySet());
    }

    /** The banks' codes in plain words: the same codes in both languages, among them every code LinkPOS acts on. */
    @Test
    void everyBankCodeHasItsWordsInBothLanguages() throws IOException {
        Properties turkish = bundle("bank-codes.properties");
        Properties english = bundle("bank-codes_en.properties");
        assertThat(english.keySet()).isEqualTo(turkish.keySet());
        assertThat(turkish.keySet()).contains("bank.code.00", "bank.code.05", "bank.code.51", "bank.code.54",
                "bank.code.96", "bank.code.V013", "bank.code.V014", "bank.code.V015", "bank.code.V017", "bank.code.V018",
                "bank.code.V033", "bank.code.V034", "bank.code.V036", "bank.code.M030", "bank.code.M047",
                "bank.code.101310", "bank.code.CORE-2008", "bank.code.CORE-2508");
        turkish.values().forEach(text -> assertThat(text.toString()).as("words, no placeholder").isNotBlank()
                .doesNotContain("{"));
    }

    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return element.tagName().equals("script") || element.tagName().equals("style");
    }

    private static boolean hasWords(String text) {
        Matcher words = LETTER.matcher(text);
        while (words.find()) {
            if (!UNIVERSAL.contains(words.group())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
