package com.linkpos.payfor;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.AcquirerFactory;
import com.linkpos.acquiring.AcquirerFactory.Setting.Kind;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** PayFor as a gateway a merchant's terminal can be set up with (API.md "Acquirers", type PAYFOR). */
@Component
class PayForFactory implements AcquirerFactory {

    private static final List<Setting> SETTINGS = List.of(
            new Setting("gatewayUrl", Kind.URL, true),
            new Setting("mbrId", Kind.TEXT, true),
            new Setting("merchantId", Kind.TEXT, true),
            new Setting("userCode", Kind.TEXT, true),
            new Setting("userPass", Kind.SECRET, true),
            new Setting("merchantPass", Kind.SECRET, true),
            new Setting("threeDFromServer", Kind.FLAG, false),
            new Setting("batchClose", Kind.FLAG, false),
            new Setting("installmentPrograms", Kind.TEXT, false));

    private final PayForGateway gateway;

    PayForFactory(PayForGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String type() {
        return PayForAcquirer.TYPE;
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    /** QNB's hosts (docs/VPOS.md A1; the newer vpos.qnb.com.tr ones are a custom address), and the simulator. */
    private static final List<Preset> PRESETS = List.of(
            new Preset("QNB", "QNB Finansbank", Map.of("gatewayUrl", "https://vpos.qnbfinansbank.com"), false),
            new Preset("QNB_TEST", "QNB Finansbank test (vpostest)", Map.of("gatewayUrl", "https://vpostest.qnbfinansbank.com"),
                    false),
            new Preset("SIMULATOR", "LinkPOS bank simulator", Map.of("batchClose", "true"), true));

    @Override
    public List<Preset> presets() {
        return PRESETS;
    }

    @Override
    public Acquirer create(String merchantId, Map<String, String> settings) {
        return new PayForAcquirer(PayForTerminal.of(settings), gateway);
    }
}
