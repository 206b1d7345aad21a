package dev.loyalty.examples.shop;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The members: enrolment ({@code POST /members}, a write as {@link EventWrites} describes) and
 * what a member's state is (summary, statement, benefits, tier history). Refusals are RFC 9457
 * problem responses ({@link ProblemResponses}).
 */
@RestController
class MemberController {

    private final LoyaltyEngine engine;
    private final EventWrites writes;

    MemberController(LoyaltyEngine engine, EventWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    @PostMapping("/members")
    ResponseEntity<ShopResponses.EventOutcome> enrol(@RequestHeader(name = EventWrites.IDEMPOTENCY_KEY, required = false) String key,
                                                     @RequestBody ShopRequests.Enrol body) {
        MemberId member = MemberId.of(body.memberId());
        ZoneId zone = zone(body.zone());
        // a path segment may hold ';' as it is, but Tomcat reads what follows it as a path parameter, not as the id
        URI location = URI.create("/members/" + UriUtils.encodePathSegment(member.value(), StandardCharsets.UTF_8).replace(";", "%3B"));
        return writes.process(key, body.occurredAt(), location,
                (id, at) -> new Enrolment(id, member, at, body.birthday(), zone, body.tier(), body.channel()));
    }

    @GetMapping("/members/{memberId}")
    ShopResponses.MemberSummary member(@PathVariable String memberId) {
        MemberId id = MemberId.of(memberId);
        Member member = engine.member(id).orElseThrow(() -> new UnknownMemberException(id));
        return ShopResponses.MemberSummary.of(member, engine.summary(id));
    }

    @GetMapping("/members/{memberId}/statement")
    ShopResponses.StatementBody statement(@PathVariable String memberId) {
        return ShopResponses.StatementBody.of(engine.statement(MemberId.of(memberId)));
    }

    @GetMapping("/members/{memberId}/benefits")
    ShopResponses.Benefits benefits(@PathVariable String memberId) {
        return ShopResponses.Benefits.of(engine.tier(MemberId.of(memberId)));
    }

    @GetMapping("/members/{memberId}/tier-history")
    List<ShopResponses.TierChangeBody> tierHistory(@PathVariable String memberId) {
        return engine.tierHistory(MemberId.of(memberId)).stream().map(ShopResponses.TierChangeBody::of).toList();
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "'" + zone + "' is not a time zone such as Europe/London");
        }
    }
}
