package dev.loyalty.rules;

import dev.loyalty.core.spi.CampaignLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One campaign of a {@link CampaignSet}: the rules that share a campaign id, with the metadata
 * their authors declared on them.
 *
 * <pre>{@code
 * rule "SPRING-01 double points on garden items in April"
 *     @name("Spring garden") @owner("marketing@example.com")
 *     @activeFrom("2026-04-01") @activeUntil("2026-04-30")
 *     @budget(100000) @memberLimit(500) @group("spring")
 * when ...
 * }</pre>
 *
 * <p>A rule belongs to the campaign its {@code @campaign("ID")} names, else to the one its name
 * starts with (the text before the first space: {@code SPRING-01}). The metadata may be declared
 * on any one rule of the campaign, and applies to all of them.
 *
 * @param id the campaign id, such as {@code SPRING-01}
 * @param name the campaign's display name; the id when none is declared
 * @param owner who answers for the campaign; empty when none is declared
 * @param activeFrom the first local date the campaign's rules fire on, or null when open
 * @param activeUntil the last local date (inclusive) the campaign's rules fire on, or null when open
 * @param rules the names of the campaign's rules, sorted
 * @param resources the resources the rules are written in, sorted
 * @param budget the total points the campaign may award to all members ({@code @budget(100000)}), or
 *               {@link CampaignLimits#UNLIMITED}
 * @param memberLimit the points one member may earn from the campaign in all ({@code @memberLimit(5000)}), or
 *                    {@link CampaignLimits#UNLIMITED}
 * @param group the exclusive group ({@code @group("spring")}): of the campaigns of one group that award points
 *              for an event, only the one awarding most keeps them; null for none
 */
public record Campaign(String id, String name, String owner, LocalDate activeFrom, LocalDate activeUntil,
                       List<String> rules, List<String> resources, long budget, long memberLimit, String group) {

    /**
     * Checks and copies the components.
     *
     * @param id the campaign id, such as {@code SPRING-01}
     * @param name the campaign's display name; the id when none is declared
     * @param owner who answers for the campaign; empty when none is declared
     * @param activeFrom the first local date the campaign's rules fire on, or null when open
     * @param activeUntil the last local date (inclusive) the campaign's rules fire on, or null when open
     * @param rules the names of the campaign's rules, sorted
     * @param resources the resources the rules are written in, sorted
     * @param budget the total points the campaign may award to all members ({@code @budget(100000)}), or
     *                   {@link CampaignLimits#UNLIMITED}
     * @param memberLimit the points one member may earn from the campaign in all ({@code @memberLimit(5000)}), or
     *                        {@link CampaignLimits#UNLIMITED}
     * @param group the exclusive group ({@code @group("spring")}): of the campaigns of one group that award points
     *                  for an event, only the one awarding most keeps them; null for none
     */
    public Campaign {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        owner = owner == null ? "" : owner;
        rules = List.copyOf(rules);
        resources = List.copyOf(resources);
        if (activeFrom != null && activeUntil != null && activeUntil.isBefore(activeFrom)) {
            throw new IllegalArgumentException("campaign " + id + ": activeUntil " + activeUntil + " is before activeFrom " + activeFrom);
        }
        group = group == null || group.isBlank() ? null : group;
        new CampaignLimits(id, budget, memberLimit, group);
    }

    /**
     * Creates a campaign without a budget, a member limit or a group.
     *
     * @param id the campaign id
     * @param name the display name; the id when blank
     * @param owner who answers for the campaign
     * @param activeFrom the first active local date, or null
     * @param activeUntil the last active local date, or null
     * @param rules the names of the campaign's rules
     * @param resources the resources the rules are written in
     */
    public Campaign(String id, String name, String owner, LocalDate activeFrom, LocalDate activeUntil, List<String> rules,
                    List<String> resources) {
        this(id, name, owner, activeFrom, activeUntil, rules, resources, CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, null);
    }

    /**
     * Returns the limits the core enforces for the campaign.
     *
     * @return the budget, member limit and group
     */
    public CampaignLimits limits() {
        return new CampaignLimits(id, budget, memberLimit, group);
    }

    /**
     * Tells whether the campaign declares a budget, a member limit or a group.
     *
     * @return true when the core has limits to enforce
     */
    public boolean limited() {
        return budget != CampaignLimits.UNLIMITED || memberLimit != CampaignLimits.UNLIMITED || group != null;
    }

    /**
     * Tells whether the campaign's rules fire on a date: the event's date in the member's zone,
     * the date the {@code Today} fact carries.
     *
     * @param date the local date
     * @return true when the date lies within the active dates, both inclusive
     */
    public boolean activeOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (activeFrom == null || !date.isBefore(activeFrom)) && (activeUntil == null || !date.isAfter(activeUntil));
    }
}
