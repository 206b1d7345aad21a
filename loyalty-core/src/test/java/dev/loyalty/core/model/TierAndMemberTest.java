package dev.loyalty.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TierAndMemberTest {

    private static final Member MEMBER = new Member(MemberId.of("m"), Instant.parse("2026-01-01T00:00:00Z"), "member",
            MemberStatus.ACTIVE, LocalDate.of(2000, 2, 29), null);

    @Test
    void shouldRejectTierWhenRankIsNegative() {
        assertThatThrownBy(() -> new Tier("gold", "Gold", -1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tier.rank").hasMessageContaining("-1");
    }

    @Test
    void shouldRejectTierWhenCodeIsBlank() {
        assertThatThrownBy(() -> new Tier(" ", "Gold", 1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("tier.code");
    }

    @Test
    void shouldUseProgramZoneWhenMemberHasNone() {
        assertThat(MEMBER.zoneOr(ZoneId.of("Europe/London"))).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(MEMBER.withProfile(null, ZoneId.of("Asia/Tokyo"), null).zoneOr(ZoneId.of("Europe/London")))
                .isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void shouldKeepOtherFieldsWhenProfileFieldsAreNull() {
        Member changed = MEMBER.withProfile(null, null, MemberStatus.SUSPENDED);

        assertThat(changed).isEqualTo(new Member(MEMBER.id(), MEMBER.enrolledAt(), "member", MemberStatus.SUSPENDED,
                LocalDate.of(2000, 2, 29), null));
        assertThat(MEMBER.withTier("gold").tierCode()).isEqualTo("gold");
    }

    @Test
    void shouldRejectMemberWhenStatusIsNull() {
        assertThatThrownBy(() -> new Member(MemberId.of("m"), Instant.EPOCH, "member", null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("member.status");
    }
}
