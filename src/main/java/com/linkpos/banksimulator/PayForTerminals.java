package com.linkpos.banksimulator;

import com.linkpos.shared.Hashes;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The PayFor terminals the simulated bank knows ({@code linkpos.simulator.payfor.terminals}). */
@Component
class PayForTerminals {

    private final List<PayForTerminal> terminals;

    PayForTerminals(SimulatorSettings settings) {
        this.terminals = settings.payfor().terminals();
    }

    /** The terminal of a 3-D form: institution and merchant number. */
    Optional<PayForTerminal> of(String mbrId, String merchantId) {
        return terminals.stream().filter(t -> t.mbrId().equals(mbrId) && t.merchantId().equals(merchantId)).findFirst();
    }

    /** The terminal a 3-D request was made on. */
    Optional<PayForTerminal> byMerchantId(String merchantId) {
        return terminals.stream().filter(t -> t.merchantId().equals(merchantId)).findFirst();
    }

    /**
     * The terminal of an API request: its user, and its merchant number and institution when the request
     * names them (the provision may leave them out). Empty when none matches, the password included.
     */
    Optional<PayForTerminal> authenticate(String userCode, String userPass, String merchantId, String mbrId) {
        return terminals.stream()
                .filter(t -> t.userCode().equals(userCode))
                .filter(t -> merchantId.isEmpty() || t.merchantId().equals(merchantId))
                .filter(t -> mbrId.isEmpty() || t.mbrId().equals(mbrId))
                .filter(t -> Hashes.matches(t.userPass(), userPass))
                .findFirst();
    }
}
