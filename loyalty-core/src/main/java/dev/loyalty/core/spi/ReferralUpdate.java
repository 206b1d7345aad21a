package dev.loyalty.core.spi;

import dev.loyalty.core.referral.Referral;
import java.util.List;
import java.util.Set;

/**
 * The referral side of one member's changes, written in the same transaction: referral records
 * to insert or replace (by referee) and identity fingerprints to add for the member.
 *
 * @param referrals the records to insert or replace, keyed by referee
 * @param identity fingerprints (hashed email, phone, payment token, address) to add for the member whose changes these are
 */
public record ReferralUpdate(List<Referral> referrals, Set<String> identity) {

    /**
     * Copies the collections.
     *
     * @param referrals the records to insert or replace, keyed by referee
     * @param identity fingerprints (hashed email, phone, payment token, address) to add for the member whose changes these are
     */
    public ReferralUpdate {
        referrals = List.copyOf(referrals);
        identity = Set.copyOf(identity);
    }
}
