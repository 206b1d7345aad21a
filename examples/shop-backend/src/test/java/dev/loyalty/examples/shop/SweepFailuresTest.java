package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loyalty.rules.fixtures.FailingCampaigns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /sweeps} with campaigns whose win-back rule proposes what the core refuses: the
 * sweep answers 200 with the member listed under {@code failures}, and the member is left as it was.
 */
class SweepFailuresTest extends ShopOverHttp {

    @DynamicPropertySource
    static void campaigns(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:shop-sweep-failures;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add("loyalty.campaigns", SweepFailuresTest::badCampaigns);
    }

    private static String badCampaigns() {
        try {
            Path dir = Files.createTempDirectory("shop-bad-campaigns");
            Files.writeString(dir.resolve("bad.drl"), FailingCampaigns.ZERO_POINT_WIN_BACK);
            dir.toFile().deleteOnExit();
            dir.resolve("bad.drl").toFile().deleteOnExit();
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSweepListsTheMemberWhoseRulesFailedAndIssuesNothing() throws Exception {
        String member = enrolledDaysAgo(100);

        Reply sweep = sweep(member, Instant.now());

        assertThat(sweep.status()).as(sweep.response().body()).isEqualTo(200);
        assertThat(sweep.body().get("members").asLong()).isEqualTo(1);
        assertThat(sweep.body().get("offersIssued").asLong()).isZero();
        JsonNode failures = sweep.body().get("failures");
        assertThat(failures).as(sweep.response().body()).hasSize(1);
        assertThat(failures.get(0).get("memberId").asText()).isEqualTo(member);
        assertThat(failures.get(0).get("error").asText()).contains(FailingCampaigns.ZERO_POINT_RULE);
        assertThat(get("/members/" + member + "/offers").body()).isEmpty();
    }
}
