package com.linkpos.webhook;

import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A merchant admin's webhooks: endpoints, their deliveries and attempts, test events, secret rotation. */
@Controller
@RequestMapping("/webhooks")
class WebhookPortalController implements WebAccess {

    private final Webhooks webhooks;

    WebhookPortalController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantAdmins("/webhooks/**");
    }

    @GetMapping
    String list(Caller caller, Model model) {
        List<WebhookEndpoint> endpoints = webhooks.endpoints(caller.merchantId());
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("deliveries", webhooks.recentDeliveries(caller.merchantId(), endpoints, 20));
        model.addAttribute("eventTypes", Webhooks.EVENTS);
        return "webhook/webhooks";
    }

    @PostMapping
    String create(Caller caller, @RequestParam(defaultValue = "") String url,
                  @RequestParam(required = false) List<String> events, RedirectAttributes redirect) {
        try {
            Webhooks.WithSecret created = webhooks.create(caller.merchantId(), url, events);
            redirect.addFlashAttribute("secret", created.secret());
        } catch (ProblemException refused) {
            FieldProblem first = refused.errors().get(0);
            redirect.addFlashAttribute("refusal", first.messageKey());
            redirect.addFlashAttribute("refusalArgs", first.args());
        }
        return "redirect:/webhooks";
    }

    @PostMapping("/{id}/rotate")
    String rotate(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", webhooks.rotate(caller.merchantId(), id).secret());
        return "redirect:/webhooks";
    }

    @PostMapping("/{id}/test")
    String test(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
        webhooks.sendTest(caller.merchantId(), id);
        redirect.addFlashAttribute("tested", true);
        return "redirect:/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(Caller caller, @PathVariable String id) {
        webhooks.delete(caller.merchantId(), id);
        return "redirect:/webhooks";
    }
}
