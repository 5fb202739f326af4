package com.linkpos;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module layout of ARCHITECTURE.md holds: no cycles, no reaching into another module's internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(LinkPosApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
