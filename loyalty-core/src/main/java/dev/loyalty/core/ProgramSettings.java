package dev.loyalty.core;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of one loyalty program: its currency, its time zone, how earned points are
 * rounded, its tier ladder and the limits that reject absurd input.
 *
 * <pre>{@code
 * ProgramSettings program = ProgramSettings.builder()
 *         .currency("GBP")
 *         .zone("Europe/London")
 *         .build();
 * }</pre>
 *
 * @param currency the only currency purchases may be in; one with minor units, not a pseudo-currency such as {@code XXX}
 * @param zone the zone for members who have none of their own
 * @param pointsRounding how an event's exact points become whole points; {@link RoundingMode#DOWN} by default
 * @param tiers the tier ladder, by rank; the lowest rank is the entry tier
 * @param maxPurchaseAmount the largest purchase total accepted, and the largest return amount
 * @param maxClockSkew how far in the future, by the engine's clock, an event may be dated; zero to one day
 * @param points how points live after they are earned: return window, expiry, claw-back
 * @param offers when birthday and dormancy occasions are presented to the rules
 */
public record ProgramSettings(Currency currency, ZoneId zone, RoundingMode pointsRounding, List<Tier> tiers,
                              Money maxPurchaseAmount, Duration maxClockSkew, PointsPolicy points, OfferPolicy offers) {

    /** The default ladder: member, silver, gold, diamond. */
    public static final List<Tier> DEFAULT_TIERS = List.of(
            new Tier("member", "Member", 0),
            new Tier("silver", "Silver", 1),
            new Tier("gold", "Gold", 2),
            new Tier("diamond", "Diamond", 3));

    /**
     * The largest clock skew a program may allow, one day. It covers a device clock set to its
     * local time but read as UTC (offsets run from -12 to +14 hours); a larger skew would let an
     * event dated days ahead earn, age and change tiers before its time, and in the end switch
     * the future check off.
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    /**
     * Checks the settings and sorts the ladder by rank.
     *
     * @param currency the only currency purchases may be in; one with minor units, not a pseudo-currency such as {@code XXX}
     * @param zone the zone for members who have none of their own
     * @param pointsRounding how an event's exact points become whole points; {@link RoundingMode#DOWN} by default
     * @param tiers the tier ladder, by rank; the lowest rank is the entry tier
     * @param maxPurchaseAmount the largest purchase total accepted, and the largest return amount
     * @param maxClockSkew how far in the future, by the engine's clock, an event may be dated; zero to one day
     * @param points how points live after they are earned: return window, expiry, claw-back
     * @param offers when birthday and dormancy occasions are presented to the rules
     * @throws InvalidInputException naming the setting when one is missing or out of bounds, such as a
     *         currency without minor units or a {@code maxClockSkew} that is negative or longer than a day
     */
    public ProgramSettings {
        checkMinorUnits(Checks.notNull(currency, "program.currency"), currency.getCurrencyCode());
        Checks.notNull(zone, "program.zone");
        Checks.notNull(pointsRounding, "program.pointsRounding");
        if (pointsRounding == RoundingMode.UNNECESSARY) {
            throw new InvalidInputException("program.pointsRounding", "must round: UNNECESSARY would fail on fractional points");
        }
        tiers = checkLadder(tiers);
        Checks.notNull(maxPurchaseAmount, "program.maxPurchaseAmount");
        if (!maxPurchaseAmount.currency().equals(currency)) {
            throw new CurrencyMismatchException("program.maxPurchaseAmount", currency, maxPurchaseAmount.currency());
        }
        if (maxPurchaseAmount.signum() <= 0) {
            throw new InvalidInputException("program.maxPurchaseAmount", "must be positive, was " + maxPurchaseAmount);
        }
        checkClockSkew(maxClockSkew);
        Checks.notNull(points, "program.points");
        Checks.notNull(offers, "program.offers");
    }

    /**
     * Refuses an ISO 4217 code that is not money: one without minor units
     * ({@link Currency#getDefaultFractionDigits()} is -1), such as {@code XXX} (no currency),
     * {@code XAU} (gold), {@code XTS} (testing) or {@code XDR} (special drawing right).
     *
     * @param currency the currency
     * @param code the code as given, for the message
     * @return the currency
     */
    private static Currency checkMinorUnits(Currency currency, String code) {
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidInputException("program.currency", "'" + code + "' has no minor units: a metal, fund, test code or no currency, not money");
        }
        return currency;
    }

    /**
     * Checks a clock skew: not null, from zero to {@link #MAX_CLOCK_SKEW}.
     *
     * @param skew how far in the future an event may be dated
     * @return the skew
     */
    private static Duration checkClockSkew(Duration skew) {
        if (Checks.notNull(skew, "program.maxClockSkew").isNegative()) {
            throw new InvalidInputException("program.maxClockSkew", "must not be negative, was " + skew);
        }
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new InvalidInputException("program.maxClockSkew", "must be at most " + MAX_CLOCK_SKEW + " (a day), was " + skew);
        }
        return skew;
    }

    /** Checks a ladder (not null, not empty, no null tier, codes and ranks unique) and returns a copy sorted by rank. */
    private static List<Tier> checkLadder(List<Tier> tiers) {
        Checks.notNull(tiers, "program.tiers");
        if (tiers.isEmpty()) {
            throw new InvalidInputException("program.tiers", "must hold at least one tier");
        }
        List<Tier> sorted = new ArrayList<>(tiers);
        for (int i = 0; i < sorted.size(); i++) {
            Checks.notNull(sorted.get(i), "program.tiers[" + i + "]");
        }
        sorted.sort(Comparator.comparingInt(Tier::rank));
        Set<String> codes = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (Tier tier : sorted) {
            if (!codes.add(tier.code()) || !ranks.add(tier.rank())) {
                throw new InvalidInputException("program.tiers", "repeats the code or rank of tier " + tier.code());
            }
        }
        return List.copyOf(sorted);
    }

    /**
     * Creates settings with the default offer policy.
     *
     * @param currency the only currency purchases may be in; one with minor units
     * @param zone the zone for members who have none of their own
     * @param pointsRounding how an event's exact points become whole points
     * @param tiers the tier ladder
     * @param maxPurchaseAmount the largest purchase total accepted, and the largest return amount
     * @param maxClockSkew how far in the future an event may be dated; zero to one day
     * @param points how points live after they are earned
     */
    public ProgramSettings(Currency currency, ZoneId zone, RoundingMode pointsRounding, List<Tier> tiers, Money maxPurchaseAmount,
                           Duration maxClockSkew, PointsPolicy points) {
        this(currency, zone, pointsRounding, tiers, maxPurchaseAmount, maxClockSkew, points, OfferPolicy.DEFAULT);
    }

    /**
     * Starts building settings.
     *
     * @return a builder; the currency is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the entry tier, the lowest rank on the ladder.
     *
     * @return the entry tier
     */
    public Tier entryTier() {
        return tiers.get(0);
    }

    /**
     * Looks up a tier by code.
     *
     * @param code the tier code
     * @return the tier, if on the ladder
     */
    public Optional<Tier> tier(String code) {
        // a plain loop: asked several times per event, of a ladder of a handful of tiers
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.code().equals(code)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the tier codes in rank order, for messages.
     *
     * @return the codes joined with commas
     */
    public String tierCodes() {
        return tiers.stream().map(Tier::code).collect(Collectors.joining(", "));
    }

    /** Builds {@link ProgramSettings}; every setter fails fast on a bad value. */
    public static final class Builder {
        /** ISO 4217's code for no currency, to check an amount's bounds before the program currency is known. */
        private static final Currency NO_CURRENCY = Currency.getInstance("XXX");

        private Currency currency;
        private ZoneId zone = ZoneId.of("UTC");
        private RoundingMode pointsRounding = RoundingMode.DOWN;
        private List<Tier> tiers = DEFAULT_TIERS;
        /** Null for the default, which depends on the currency. */
        private BigDecimal maxPurchaseAmount;
        private Duration maxClockSkew = Duration.ofMinutes(5);
        private int returnWindowDays;
        private ExpiryPolicy expiry = ExpiryPolicy.never();
        private ClawbackPolicy clawback = ClawbackPolicy.DEBT;
        private BigDecimal unlinkedReturnPointsPerUnit = BigDecimal.ZERO;
        private long maxPointsPerCredit = PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT;
        private OfferPolicy offers = OfferPolicy.DEFAULT;

        private Builder() {
        }

        /**
         * Sets the program currency: money, with minor units. ISO 4217's codes without minor
         * units ({@link Currency#getDefaultFractionDigits()} is -1) are refused: {@code XXX}
         * (no currency), {@code XTS} (testing), precious metals such as {@code XAU} and funds
         * such as {@code XDR}.
         *
         * @param code the ISO 4217 code, such as {@code GBP}
         * @return this builder
         * @throws InvalidInputException naming {@code program.currency} when the code is null, no ISO 4217 code
         *         or a code without minor units
         */
        public Builder currency(String code) {
            Checks.notNull(code, "program.currency");
            Currency value;
            try {
                value = Currency.getInstance(code.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("program.currency", "'" + code + "' is not an ISO 4217 currency code");
            }
            this.currency = checkMinorUnits(value, code);
            return this;
        }

        /**
         * Sets the zone for members who have none; UTC by default.
         *
         * @param zoneId a zone id, such as {@code Europe/London}
         * @return this builder
         */
        public Builder zone(String zoneId) {
            try {
                this.zone = ZoneId.of(Checks.notNull(zoneId, "program.zone"));
            } catch (DateTimeException e) {
                throw new InvalidInputException("program.zone", "'" + zoneId + "' is not a time zone id");
            }
            return this;
        }

        /**
         * Sets how an event's exact points become whole points; {@link RoundingMode#DOWN} by default.
         *
         * @param mode the rounding mode
         * @return this builder
         */
        public Builder pointsRounding(RoundingMode mode) {
            if (Checks.notNull(mode, "program.pointsRounding") == RoundingMode.UNNECESSARY) {
                throw new InvalidInputException("program.pointsRounding", "must round: UNNECESSARY would fail on fractional points");
            }
            this.pointsRounding = mode;
            return this;
        }

        /**
         * Sets the tier ladder; {@link #DEFAULT_TIERS} by default.
         *
         * @param ladder the tiers, in any order; codes and ranks unique. The builder keeps a copy:
         *               later changes to the list do not reach it
         * @return this builder
         * @throws InvalidInputException when the ladder is null, empty, holds a null tier or repeats a code or rank
         */
        public Builder tiers(List<Tier> ladder) {
            this.tiers = checkLadder(ladder);
            return this;
        }

        /**
         * Sets the largest purchase total accepted, and the largest return amount, in the program currency. By default it is
         * 100,000,000 of the currency's minor units, whatever their size: 1,000,000 in pounds, euros or dollars, 100,000,000 in
         * yen, 100,000 in Bahraini or Kuwaiti dinars (a currency without minor units counts its major ones), so that a
         * sane purchase in any currency passes and an absurd one, such as a price typed in minor units, does not.
         *
         * @param amount the limit, positive, within the digits every {@link Money} amount is bounded by
         * @return this builder
         * @throws InvalidInputException when the amount is null, zero, negative or has too many digits
         */
        public Builder maxPurchaseAmount(BigDecimal amount) {
            if (Checks.notNull(amount, "program.maxPurchaseAmount").signum() <= 0) {
                throw new InvalidInputException("program.maxPurchaseAmount", "must be positive, was " + amount.toPlainString());
            }
            try {
                // the bounds every amount has (digits before and after the point) do not depend on the currency, which may not be set yet
                new Money(amount, NO_CURRENCY);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("program.maxPurchaseAmount", e.getMessage().substring(e.field().length() + 1));
            }
            this.maxPurchaseAmount = amount;
            return this;
        }

        /**
         * Sets how far in the future, by the engine's clock, an event or a sweep may be dated;
         * five minutes by default, at most one day. A day covers a device clock set to its local
         * time but read as UTC; a longer skew would let events dated days ahead earn and change
         * tiers before their time.
         *
         * @param skew the tolerance, from zero to one day
         * @return this builder
         * @throws InvalidInputException naming {@code program.maxClockSkew} when the skew is null,
         *         negative or longer than a day
         */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = checkClockSkew(skew);
            return this;
        }

        /**
         * Sets how many days a purchase's points stay pending, visible but not spendable, so a
         * return inside the window cancels them before they can be spent; 0 (the default)
         * makes them spendable at once.
         *
         * @param days the return window in days, 0 to 3650
         * @return this builder
         */
        public Builder returnWindowDays(int days) {
            this.returnWindowDays = new PointsPolicy(days, expiry, clawback, unlinkedReturnPointsPerUnit, maxPointsPerCredit).returnWindowDays();
            return this;
        }

        /**
         * Sets when points expire; {@link ExpiryPolicy#never()} by default.
         *
         * @param policy the expiry policy
         * @return this builder
         */
        public Builder expiry(ExpiryPolicy policy) {
            this.expiry = Checks.notNull(policy, "program.expiry");
            return this;
        }

        /**
         * Sets what a return does when its purchase's points were already spent; {@link ClawbackPolicy#DEBT} by default.
         *
         * @param policy the claw-back policy
         * @return this builder
         */
        public Builder clawback(ClawbackPolicy policy) {
            this.clawback = Checks.notNull(policy, "program.clawback");
            return this;
        }

        /**
         * Sets the points clawed back per currency unit of a return whose purchase the engine
         * never saw; zero (the default) records such returns without changing points.
         *
         * @param pointsPerUnit the rate, zero or more, at most 18 digits before the point and 12 after it
         * @return this builder
         */
        public Builder unlinkedReturnPointsPerUnit(BigDecimal pointsPerUnit) {
            this.unlinkedReturnPointsPerUnit = new PointsPolicy(returnWindowDays, expiry, clawback, pointsPerUnit, maxPointsPerCredit).unlinkedReturnPointsPerUnit();
            return this;
        }

        /**
         * Sets the most points one event, offer redemption or referral reward may credit to a
         * member; {@link PointsPolicy#DEFAULT_MAX_POINTS_PER_CREDIT} by default. A credit above it
         * is refused with a {@link RuleEvaluationException} naming the rule, and nothing is stored.
         *
         * @param points the limit, positive
         * @return this builder
         */
        public Builder maxPointsPerCredit(long points) {
            this.maxPointsPerCredit = new PointsPolicy(returnWindowDays, expiry, clawback, unlinkedReturnPointsPerUnit, points).maxPointsPerCredit();
            return this;
        }

        /**
         * Sets the offer policy: birthday window, birthday notice, dormancy threshold;
         * {@link OfferPolicy#DEFAULT} by default.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder offers(OfferPolicy policy) {
            this.offers = Checks.notNull(policy, "program.offers");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws InvalidInputException when a setting is missing or inconsistent
         */
        public ProgramSettings build() {
            if (currency == null) {
                throw new InvalidInputException("program.currency", "must be set");
            }
            BigDecimal limit = maxPurchaseAmount != null ? maxPurchaseAmount
                    : BigDecimal.TEN.pow(8 - Math.max(0, currency.getDefaultFractionDigits()));
            return new ProgramSettings(currency, zone, pointsRounding, tiers, new Money(limit, currency), maxClockSkew,
                    new PointsPolicy(returnWindowDays, expiry, clawback, unlinkedReturnPointsPerUnit, maxPointsPerCredit), offers);
        }
    }
}
