package com.linkpos.merchant;

import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Role;
import com.linkpos.platform.Caller;
import com.linkpos.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A merchant admin's API keys: create one (shown this once, kept only as a hash), see when each
 * was last used, revoke one (it stops working at once).
 */
@Controller
@RequestMapping("/api-keys")
class ApiKeyPortalController implements WebAccess {

    private final ApiKeys apiKeys;

    ApiKeyPortalController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantAdmins("/api-keys/**");
    }

    @GetMapping
    String list(Caller caller, Model model) {
        model.addAttribute("keys", apiKeys.ofMerchant(caller.merchantId()));
        return "merchant/api-keys";
    }

    @PostMapping
    String create(Caller caller, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        String clean = name.strip().replaceAll("\\p{Cntrl}", "");
        if (clean.isEmpty() || clean.length() > 100) {
            redirect.addFlashAttribute("nameError", true);
            return "redirect:/api-keys";
        }
        redirect.addFlashAttribute("newKey", apiKeys.issue(caller.merchantId(), Role.MERCHANT_ADMIN, clean));
        return "redirect:/api-keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(Caller caller, @PathVariable String id) {
        if (!apiKeys.revoke(caller.merchantId(), id)) {
            throw ProblemException.notFound();
        }
        return "redirect:/api-keys";
    }
}
