package com.linkpos.est;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.AcquirerFactory;
import com.linkpos.acquiring.AcquirerFactory.Setting.Kind;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** EST v3 as a gateway a merchant's terminal can be set up with (API.md "Acquirers", type EST). */
@Component
class EstFactory implements AcquirerFactory {

    private static final List<Setting> SETTINGS = List.of(
            new Setting("gatewayUrl", Kind.URL, true),
            new Setting("clientId", Kind.TEXT, true),
            new Setting("username", Kind.TEXT, true),
            new Setting("password", Kind.SECRET, true),
            new Setting("storeKey", Kind.SECRET, true),
            new Setting("threeDGateUrl", Kind.URL, false),
            new Setting("dayEndUrl", Kind.URL, false),
            new Setting("installmentPrograms", Kind.TEXT, false));

    private final EstGateway gateway;

    EstFactory(EstGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String type() {
        return EstAcquirer.TYPE;
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public List<Preset> presets() {
        return EstPresets.ALL;
    }

    @Override
    public Acquirer create(String merchantId, Map<String, String> settings) {
        return new EstAcquirer(EstTerminal.of(settings), gateway);
    }
}
