package dev.loyalty.examples.shop;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.Statement;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON bodies the shop answers with, built from the engine's types. */
final class ShopResponses {

    private ShopResponses() {
    }

    /**
     * What processing an event did.
     *
     * @param eventId the event id (the idempotency key)
     * @param memberId the member
     * @param kind the event kind
     * @param points the change to the balance
     * @param balance the balance right after the event
     * @param ruleSetVersion the campaigns' version
     * @param entries the ledger entries written
     * @param explanation why, step by step
     */
    record EventOutcome(String eventId, String memberId, String kind, long points, long balance, String ruleSetVersion,
                        List<Entry> entries, ExplanationBody explanation) {

        static EventOutcome of(Outcome outcome) {
            return new EventOutcome(outcome.eventId().value(), outcome.memberId().value(), outcome.eventKind(), outcome.points().value(),
                    outcome.balance().value(), outcome.ruleSetVersion(), outcome.entries().stream().map(Entry::of).toList(),
                    ExplanationBody.of(outcome.explanation()));
        }
    }

    /**
     * A ledger entry.
     *
     * @param sequence its place in the member's ledger
     * @param type EARN, PENDING, RELEASE, REDEEM, REVERSE, EXPIRE or REPAY
     * @param points the signed points
     * @param eventId the event that wrote it
     * @param rule the rule (or core policy) that produced it
     * @param reason why
     * @param occurredAt when its event happened
     */
    record Entry(long sequence, String type, long points, String eventId, String rule, String reason, Instant occurredAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.sequence(), entry.type().name(), entry.points().value(), entry.eventId().value(), entry.rule(),
                    entry.reason(), entry.occurredAt());
        }
    }

    /**
     * An explanation for a support agent.
     *
     * @param summary one line
     * @param steps each rule's or policy's contribution
     * @param text the whole explanation as text
     */
    record ExplanationBody(String summary, List<Explanation.Step> steps, String text) {

        static ExplanationBody of(Explanation explanation) {
            return new ExplanationBody(explanation.summary(), explanation.steps(), explanation.toText());
        }
    }

    /**
     * A member's points at a glance.
     *
     * @param balance the sum of the ledger
     * @param spendable what a redemption may spend now
     * @param pending earned but within the return window
     * @param held reserved by holds
     * @param debt clawed back but not yet repaid
     */
    record Points(long balance, long spendable, long pending, long held, long debt) {

        static Points of(PointsSummary summary) {
            return new Points(summary.balance().value(), summary.spendable().value(), summary.pending().value(), summary.held().value(),
                    summary.debt().value());
        }
    }

    /**
     * A member and their points.
     *
     * @param memberId the id
     * @param status ACTIVE or otherwise
     * @param tier the tier code
     * @param enrolledAt when the member enrolled
     * @param birthday the birthday, if known
     * @param zone the member's time zone, if set
     * @param points the points summary
     */
    record MemberSummary(String memberId, String status, String tier, Instant enrolledAt, LocalDate birthday, String zone, Points points) {

        static MemberSummary of(Member member, PointsSummary summary) {
            return new MemberSummary(member.id().value(), member.status().name(), member.tierCode(), member.enrolledAt(), member.birthday(),
                    member.zone() == null ? null : member.zone().getId(), Points.of(summary));
        }
    }

    /**
     * A member's statement.
     *
     * @param memberId the member
     * @param lines the ledger entries with the running balance
     * @param lots the points lots
     * @param points the summary
     */
    record StatementBody(String memberId, List<StatementLine> lines, List<LotBody> lots, Points points) {

        static StatementBody of(Statement statement) {
            return new StatementBody(statement.member().id().value(),
                    statement.lines().stream().map(line -> new StatementLine(Entry.of(line.entry()), line.runningBalance())).toList(),
                    statement.lots().stream().map(LotBody::of).toList(), Points.of(statement.summary()));
        }
    }

    /**
     * A statement line.
     *
     * @param entry the ledger entry
     * @param runningBalance the balance after it
     */
    record StatementLine(Entry entry, long runningBalance) {
    }

    /**
     * A points lot.
     *
     * @param id the lot id
     * @param sourceEventId the event that earned it
     * @param points what it was earned with
     * @param remaining what is left
     * @param pendingUntil when it becomes spendable, if pending
     * @param expiresAt when it expires, if it does
     */
    record LotBody(String id, String sourceEventId, long points, long remaining, Instant pendingUntil, Instant expiresAt) {

        static LotBody of(Lot lot) {
            return new LotBody(lot.id(), lot.sourceEventId() == null ? null : lot.sourceEventId().value(), lot.points(), lot.remaining(),
                    lot.pendingUntil(), lot.expiresAt());
        }
    }
}
