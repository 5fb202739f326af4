package com.linkpos.est;

import com.linkpos.acquiring.AcquirerFactory.Preset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The banks that run EST v3 (docs/VPOS.md B1) and the issuer programs whose credit cards each gives
 * installments to [A7]: picking one fills in the addresses; a custom address stays possible. Production
 * hosts; the Asseco test system is the shared one of the public test credentials (docs/ACQUIRERS.md).
 */
final class EstPresets {

    private EstPresets() {
    }

    static final List<Preset> ALL = List.of(
            bank("ISBANK", "Türkiye İş Bankası", "https://sanalpos.isbank.com.tr", null, "Maximum"),
            bank("HALKBANK", "Halkbank", "https://sanalpos.halkbank.com.tr",
                    "https://sanalpos.halkbank.com.tr/fim/est3dgate", "Paraf"),
            bank("TEB", "TEB", "https://sanalpos.teb.com.tr", null, "Bonus"),
            bank("SEKERBANK", "Şekerbank", "https://sanalpos.sekerbank.com.tr", null, "Bonus"),
            bank("ZIRAAT", "Ziraat Bankası", "https://sanalpos2.ziraatbank.com.tr", null, "Bankkart"),
            bank("QNB_EST", "QNB Finansbank (EST)", "https://www.fbwebpos.com", "https://www.fbwebpos.com/fim/est3dgate",
                    "QNB Finansbank, Enpara.com, HSBC Advantage"),
            bank("AKBANK", "Akbank (legacy EST)", "https://www.sanalakpos.com", null, "Axess"),
            bank("ASSECO_TEST", "Asseco test system", "https://entegrasyon.asseco-see.com.tr", null, "Axess, Bankkart"),
            new Preset("SIMULATOR", "LinkPOS bank simulator", Map.of("dayEndUrl", "/dayend",
                    "installmentPrograms", "Maximum"), true));

    private static Preset bank(String id, String name, String gatewayUrl, String threeDGateUrl, String programs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gatewayUrl", gatewayUrl);
        if (threeDGateUrl != null) {
            settings.put("threeDGateUrl", threeDGateUrl);
        }
        settings.put("installmentPrograms", programs);
        return new Preset(id, name, Map.copyOf(settings), false);
    }
}
