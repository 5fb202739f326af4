package com.linkpos.fraud;

import com.linkpos.platform.PortalAccess;
import com.linkpos.platform.WebAccess;
import com.linkpos.shared.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** [S4] The bank operator's page of the bank-wide fraud rules (each merchant's own are on its merchant page). */
@Controller
@RequestMapping("/bank/fraud-rules")
class BankFraudRulesController implements WebAccess {

    private final FraudRuleBook book;

    BankFraudRulesController(FraudRuleBook book) {
        this.book = book;
    }

    @Override
    public void portal(PortalAccess access) {
        access.bank("/bank/fraud-rules", "/bank/fraud-rules/**");
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("fraudValues", book.bankWide().written());
        return "fraud/bank-rules";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        List<FieldProblem> errors = new ArrayList<>();
        FraudRules rules = FraudRules.fromForm(params, errors);
        if (!errors.isEmpty()) {
            Map<String, String> typed = new LinkedHashMap<>(params);
            typed.remove("_csrf");
            model.addAttribute("fraudValues", typed);
            model.addAttribute("fraudErrors", errors);
            return "fraud/bank-rules";
        }
        book.replaceBankWide(rules);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/bank/fraud-rules";
    }
}
