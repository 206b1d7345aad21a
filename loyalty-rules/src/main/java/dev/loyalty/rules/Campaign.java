package dev.loyalty.rules;

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
 */
public record Campaign(String id, String name, String owner, LocalDate activeFrom, LocalDate activeUntil,
                       List<String> rules, List<String> resources) {

    /** Checks and copies the components. */
    public Campaign {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        owner = owner == null ? "" : owner;
        rules = List.copyOf(rules);
        resources = List.copyOf(resources);
        if (activeFrom != null && activeUntil != null && activeUntil.isBefore(activeFrom)) {
            throw new IllegalArgumentException("campaign " + id + ": activeUntil " + activeUntil + " is before activeFrom " + activeFrom);
        }
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
