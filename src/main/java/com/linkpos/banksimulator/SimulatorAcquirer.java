package com.linkpos.banksimulator;

import com.linkpos.acquiring.Acquirer;
import com.linkpos.acquiring.AcquirerFactory;
import com.linkpos.acquiring.BinTable;
import com.linkpos.acquiring.BankAnswer;
import com.linkpos.acquiring.BrowserStep;
import com.linkpos.acquiring.CardDetails;
import com.linkpos.acquiring.Payment;
import com.linkpos.acquiring.Verdict;
import com.linkpos.shared.Money;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.springframework.stereotype.Component;

/** The built-in simulator as one acquirer among equals: type SIMULATOR, the same for every merchant. */
@Component
class SimulatorAcquirer implements Acquirer, AcquirerFactory {

    static final String TYPE = "SIMULATOR";

    private final Bank bank;
    private final BinTable bins;
    private final SimulatorSettings settings;

    SimulatorAcquirer(Bank bank, BinTable bins, SimulatorSettings settings) {
        this.bank = bank;
        this.bins = bins;
        this.settings = settings;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public Acquirer create(String merchantId, Map<String, String> terminal) {
        return this; // one bank, whose books tell merchants apart
    }

    @Override
    public List<String> installmentPrograms() {
        return settings.installmentPrograms();
    }

    @Override
    public BrowserStep begin3ds(Payment payment, CardDetails card) {
        return bank.enroll(payment, card, bins.lookup(card.number()))
                .<BrowserStep>map(xid -> new BrowserStep.Redirect(AcsController.PATH + xid))
                .orElseGet(() -> new BrowserStep.Refused("", "Card not enrolled in 3-D Secure", "2"));
    }

    @Override
    public Verdict readCallback(Payment payment, Map<String, String> posted) {
        if (!bank.signed(posted)) {
            return new Verdict.Untrusted("the ACS's signature does not match");
        }
        if (!payment.orderId().equals(posted.get("oid")) || !payment.amount().toDecimalString().equals(posted.get("amount"))
                || !payment.amount().currency().name().equals(posted.get("currency"))) {
            return new Verdict.Untrusted("the answer of another order, amount or currency");
        }
        if (!"1".equals(posted.get("mdStatus"))) {
            return new Verdict.NotAuthenticated(posted.get("mdStatus"), "", "3-D Secure authentication failed");
        }
        return new Verdict.Authenticated("1", posted.get("eci"), posted.get("cavv"), Map.of("xid", posted.get("xid")));
    }

    @Override
    public BankAnswer provision(Payment payment, Verdict.Authenticated authenticated) {
        return bank.provision(payment.merchantId(), authenticated.forProvision().get("xid"), payment.orderId(),
                payment.amount(), payment.installments(), authenticated.cavv());
    }

    @Override
    public Optional<BankAnswer> inquire(Payment payment) {
        return bank.inquire(payment.merchantId(), payment.orderId());
    }

    @Override
    public BankAnswer voidSale(Order order) {
        return bank.voidSale(order.merchantId(), order.hostReference());
    }

    @Override
    public BankAnswer refund(Order order, Money amount) {
        return bank.refund(order.merchantId(), order.hostReference(), amount);
    }

    @Override
    public void endOfDay(String merchantId) {
        bank.closeBatch(merchantId);
    }
}
