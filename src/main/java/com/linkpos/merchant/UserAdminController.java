package com.linkpos.merchant;

import com.linkpos.platform.WebAccess;
import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.Role;
import com.linkpos.platform.Caller;
import com.linkpos.shared.FieldProblem;
import com.linkpos.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A merchant admin's users page: who may log in for the merchant, as admin (everything) or as user
 * (links and reports, no void/refund, no users or keys). Only MERCHANT_ADMIN reaches it.
 */
@Controller
@RequestMapping("/users")
class UserAdminController implements WebAccess {

    private final Users users;

    UserAdminController(Users users) {
        this.users = users;
    }

    @Override
    public void portal(PortalAccess access) {
        access.merchantAdmins("/users/**");
    }

    /** The new-user form. */
    public static class UserForm {
        private String username;
        private String password;
        private String role = Role.MERCHANT_USER.name();

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
    }

    @GetMapping
    String list(Caller caller, Model model) {
        model.addAttribute("form", new UserForm());
        return page(caller, model);
    }

    @PostMapping
    String create(Caller caller, @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        List<FieldProblem> errors = new ArrayList<>();
        Users.validate(form.username, form.password, errors);
        Role role = Role.MERCHANT_ADMIN.name().equals(form.role) ? Role.MERCHANT_ADMIN
                : Role.MERCHANT_USER.name().equals(form.role) ? Role.MERCHANT_USER : null;
        if (role == null) {
            errors.add(FieldProblem.of("role", "invalid_role"));
        }
        try {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            users.create(caller.merchantId(), form.username, form.password, role);
            redirect.addFlashAttribute("saved", form.username);
            return "redirect:/users";
        } catch (ProblemException problem) {
            problem.errors().forEach(error -> binding.rejectValue(error.field().replace("admin.", ""),
                    error.messageKey(), error.args(), error.code()));
            form.password = null;
            return page(caller, model);
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(Caller caller, @PathVariable String id, @RequestParam boolean enabled,
                  RedirectAttributes redirect) {
        String username = users.usernameOf(caller.merchantId(), id).orElseThrow(ProblemException::notFound);
        if (username.equalsIgnoreCase(caller.name())) {
            // An admin who locks themselves out needs the bank to get back in.
            throw ProblemException.conflict("cannot_disable_self");
        }
        if (!users.setEnabled(caller.merchantId(), id, enabled)) {
            throw ProblemException.notFound();
        }
        return "redirect:/users";
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("users", users.ofMerchant(caller.merchantId()));
        model.addAttribute("roles", List.of(Role.MERCHANT_USER, Role.MERCHANT_ADMIN));
        return "merchant/users";
    }
}
