package com.linkpos.transaction;

import com.linkpos.merchant.Caller;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** [R4] The bank operator's end of day: a portal button and the admin API. */
@Controller
class BatchControllers {

    private final Batches batches;

    BatchControllers(Batches batches) {
        this.batches = batches;
    }

    @GetMapping("/bank/batches")
    String page(Model model) {
        model.addAttribute("batches", batches.recent(100));
        return "transaction/batches";
    }

    @PostMapping("/bank/batches/close")
    String close(Caller caller, RedirectAttributes redirect) {
        redirect.addFlashAttribute("closed", batches.closeAll("bank:" + caller.name()));
        return "redirect:/bank/batches";
    }

    /** API.md: closes the open batch of every merchant. */
    @PostMapping("/api/v1/admin/batches/close")
    @ResponseBody
    Map<String, Integer> closeByApi(Caller caller) {
        return Map.of("closed", batches.closeAll("bank:" + caller.name()));
    }
}
