package com.linkpos.banksimulator;

import com.linkpos.shared.Hashes;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The EST terminals the simulated bank knows ({@code linkpos.simulator.est.terminals}). */
@Component
class EstTerminals {

    private final List<EstTerminal> terminals;

    EstTerminals(SimulatorSettings settings) {
        this.terminals = settings.est().terminals();
    }

    Optional<EstTerminal> byClientId(String clientId) {
        return terminals.stream().filter(t -> t.clientId().equals(clientId)).findFirst();
    }

    /** The terminal of an API request: its merchant number, user and password all match; else empty. */
    Optional<EstTerminal> authenticate(String clientId, String username, String password) {
        return byClientId(clientId)
                .filter(t -> t.username().equals(username))
                .filter(t -> Hashes.matches(t.password(), password));
    }
}
