package dev.loyalty.rules.internal;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.rules.vocabulary.Program;
import dev.loyalty.rules.vocabulary.PurchaseLine;
import dev.loyalty.rules.vocabulary.Today;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a rule context into the facts campaign rules match. Not public API. */
final class Facts {

    private Facts() {
    }

    /**
     * Returns the facts for one event: the member, today, the program, the event and, for a
     * purchase, one fact per line.
     */
    static List<Object> of(RuleContext context) {
        LoyaltyEvent event = context.event();
        LocalDate date = context.date();
        List<Object> facts = new ArrayList<>(event instanceof Purchase p ? p.lines().size() + 4 : 4);
        facts.add(member(context));
        facts.add(new Today(date));
        facts.add(new Program(context.program().currency().getCurrencyCode(), context.program().zone().getId()));
        if (event instanceof Purchase purchase) {
            facts.add(new dev.loyalty.rules.vocabulary.Purchase(purchase.eventId().value(), purchase.memberId().value(),
                    context.member().tierCode(), purchase.total().amount(), purchase.currency().getCurrencyCode(), purchase.channel(), purchase.store(),
                    date, purchase.lines().size()));
            for (int i = 0; i < purchase.lines().size(); i++) {
                dev.loyalty.core.event.PurchaseLine line = purchase.lines().get(i);
                facts.add(new PurchaseLine(i, line.sku(), line.category(), line.quantity(), line.unitPrice().amount(), date));
            }
        } else if (event instanceof Enrolment enrolment) {
            facts.add(new dev.loyalty.rules.vocabulary.Enrolment(enrolment.memberId().value(), enrolment.channel(), date));
        } else if (event instanceof ProfileChange change) {
            facts.add(new dev.loyalty.rules.vocabulary.ProfileChange(change.memberId().value(), date));
        }
        return facts;
    }

    private static dev.loyalty.rules.vocabulary.Member member(RuleContext context) {
        Member member = context.member();
        return new dev.loyalty.rules.vocabulary.Member(member.id().value(), member.tierCode(),
                member.status().name().toLowerCase(Locale.ROOT),
                LocalDate.ofInstant(member.enrolledAt(), context.zone()), member.birthday(),
                context.balance() == null ? 0 : context.balance().value());
    }
}
