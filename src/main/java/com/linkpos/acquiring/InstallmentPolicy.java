package com.linkpos.acquiring;

import com.linkpos.shared.FieldProblem;
import java.util.List;
import java.util.Optional;

/**
 * [L4][P4][A7] Who may pay in installments: credit cards of the issuer programs the gateway names
 * (its data, e.g. QNB's PayFor: QNB Finansbank, Enpara.com, HSBC Advantage), decided by the card's
 * BIN before 3-D Secure. A single payment is open to every accepted card.
 */
public final class InstallmentPolicy {

    private final List<String> programs;

    public InstallmentPolicy(List<String> programs) {
        this.programs = List.copyOf(programs);
    }

    public boolean allows(int installments, CardInfo card) {
        return installments <= 1
                || (card.type() == CardInfo.CardType.CREDIT && card.program() != null && programs.contains(card.program()));
    }

    /**
     * The refusal to show beside the card number, naming the programs that may (arguments: the
     * installments, the programs but the last joined by commas, the last, and how many there are, so a
     * message can say "A, B and C" in its own language); empty when allowed.
     */
    public Optional<FieldProblem> problem(int installments, CardInfo card) {
        if (allows(installments, card)) {
            return Optional.empty();
        }
        Object[] named = namedPrograms();
        return Optional.of(FieldProblem.of("cardNumber", "card_installments_not_allowed", installments, named[0], named[1],
                named[2]));
    }

    /**
     * The programs as a message names them: all but the last joined by commas, the last, and how many there
     * are, so that a message can say "A, B and C" (or "A", or that there is none) in its own language.
     */
    public Object[] namedPrograms() {
        String allButLast = String.join(", ", programs.subList(0, Math.max(0, programs.size() - 1)));
        String last = programs.isEmpty() ? "" : programs.get(programs.size() - 1);
        return new Object[] {allButLast, last, programs.size()};
    }
}
