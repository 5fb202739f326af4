package com.linkpos.notification;

import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** [N2] The merchant's sent messages (the local outbox, when nothing is configured) and resending one [M6]. */
@Controller
class MessagesPortalController implements WebAccess {

    private final Notifications notifications;

    MessagesPortalController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantUsers("/messages/**");
    }

    @GetMapping("/messages")
    String list(Caller caller, Model model) {
        model.addAttribute("messages", notifications.ofMerchant(caller.merchantId(), 200));
        return "notification/messages";
    }

    @PostMapping("/messages/{id}/resend")
    String resend(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        String linkId = notifications.resend(caller.merchantId(), id);
        redirect.addFlashAttribute("resent", true);
        return linkId == null ? "redirect:/messages" : "redirect:/links/" + linkId;
    }
}
