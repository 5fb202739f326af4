package com.linkpos.transaction;

import com.linkpos.merchant.Merchants;
import java.util.List;
import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** [R4] The bank operator's end of day: a portal button and the admin API. */
@Controller
class BatchControllers implements WebAccess {

    private final Batches batches;
    private final Merchants merchants;

    BatchControllers(Batches batches, Merchants merchants) {
        this.batches = batches;
        this.merchants = merchants;
    }

    @Override
    public void portal(PortalAccess access) {
        access.bank("/bank/batches/**");
    }

    @GetMapping("/bank/batches")
    String page(Model model) {
        return show(batches.recent(100), model, "transaction/batches");
    }

    /** «Emin misiniz?»: what the end of day will close, merchant by merchant, before it does. */
    @GetMapping("/bank/batches/close")
    String confirm(Model model) {
        return show(batches.open(), model, "transaction/batches-confirm");
    }

    private String show(List<Batches.Batch> shown, Model model, String view) {
        model.addAttribute("batches", shown);
        model.addAttribute("merchantNames", merchants.names(shown.stream().map(Batches.Batch::merchantId).toList()));
        return view;
    }

    @PostMapping("/bank/batches/close")
    String close(Caller caller, RedirectAttributes redirect) {
        redirect.addFlashAttribute("closed", batches.closeAll("bank:" + caller.name()));
        return "redirect:/bank/batches";
    }

    @Schema(name = "ClosedBatches")
    record ClosedBatches(@Schema(description = "How many open batches were closed.", example = "3") int closed) {
    }

    /** API.md: closes the open batch of every merchant. */
    @PostMapping("/api/v1/admin/batches/close")
    @ResponseBody
    @Tag(name = "Bank admin")
    @Operation(operationId = "closeBatches", summary = "Take the end of day",
            description = "Closes the open batch of every merchant (it also runs by itself every day, by default at 23:59 Istanbul "
                    + "time). Sales of a closed batch can be refunded, no longer voided. Needs the bank's API key.")
    ClosedBatches closeByApi(Caller caller) {
        return new ClosedBatches(batches.closeAll("bank:" + caller.name()));
    }
}
