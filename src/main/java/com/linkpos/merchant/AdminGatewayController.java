package com.linkpos.merchant;

import com.linkpos.acquiring.AcquirerFactory;
import com.linkpos.acquiring.Acquirers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * [A1] The bank gateways LinkPOS can set a merchant's terminal up with: each one's settings (secrets
 * marked, never with values) and the banks it is known at, with the addresses and programs they fill in.
 */
@RestController
@RequestMapping("/api/v1/admin/gateways")
@Tag(name = "Bank admin")
class AdminGatewayController {

    private final Acquirers acquirers;
    private final MerchantTerminals terminals;

    AdminGatewayController(Acquirers acquirers, MerchantTerminals terminals) {
        this.acquirers = acquirers;
        this.terminals = terminals;
    }

    @Schema(name = "GatewaySetting")
    record SettingJson(@Schema(example = "gatewayUrl") String name,
                       @Schema(allowableValues = {"URL", "TEXT", "SECRET", "FLAG"}, description = "SECRET: write-only.")
                       String kind,
                       boolean required) {
    }

    @Schema(name = "GatewayPreset")
    record PresetJson(@Schema(example = "ISBANK") String id, @Schema(example = "Türkiye İş Bankası") String name,
                      @Schema(description = "The settings it fills in.") Map<String, String> settings) {
    }

    @Schema(name = "Gateway")
    record GatewayJson(@Schema(example = "EST") String type, List<SettingJson> settings, List<PresetJson> presets) {
    }

    @Schema(name = "GatewayList")
    record GatewayList(List<GatewayJson> data) {
    }

    @GetMapping
    @Operation(operationId = "listGateways", summary = "List the bank gateways",
            description = "The gateway types a merchant's `acquirer` may be set to, their settings, and their presets."
                    + AdminMerchantController.BANK_KEY_ONLY)
    GatewayList list() {
        return new GatewayList(new TreeMap<>(acquirers.gateways()).values().stream().map(this::json).toList());
    }

    private GatewayJson json(AcquirerFactory gateway) {
        return new GatewayJson(gateway.type(),
                gateway.settings().stream().map(setting -> new SettingJson(setting.name(), setting.kind().name(),
                        setting.required())).toList(),
                gateway.presets().stream().map(preset -> new PresetJson(preset.id(), preset.name(),
                        new TreeMap<>(terminals.presetSettings(gateway.type(), preset)))).toList());
    }
}
