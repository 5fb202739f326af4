package com.linkpos.banksimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** What the simulator does with each test card of API.md (a data file); any other card is approved. */
@Component
class TestCards {

    sealed interface Outcome permits Approve, Decline, ThreeDSecureFails, NotEnrolled {
    }

    record Approve() implements Outcome {
    }

    record Decline(String responseCode) implements Outcome {
    }

    record ThreeDSecureFails() implements Outcome {
    }

    record NotEnrolled() implements Outcome {
    }

    private final Map<String, Outcome> outcomes = new HashMap<>();

    TestCards(SimulatorSettings settings) throws IOException {
        Resource file = new DefaultResourceLoader().getResource(settings.testCardsFile());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("pan,"))
                    .forEach(line -> {
                        String[] cells = line.split(",", 2);
                        outcomes.put(cells[0].strip(), parse(cells[1].strip()));
                    });
        }
    }

    private static Outcome parse(String text) {
        if (text.startsWith("DECLINE:")) {
            return new Decline(text.substring("DECLINE:".length()));
        }
        return switch (text) {
            case "APPROVE" -> new Approve();
            case "THREE_DS_FAIL" -> new ThreeDSecureFails();
            case "NOT_ENROLLED" -> new NotEnrolled();
            default -> throw new IllegalStateException("unknown test card outcome " + text);
        };
    }

    Outcome of(String cardNumber) {
        return outcomes.getOrDefault(cardNumber, new Approve());
    }
}
