package io.brandpulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.brandpulse.alerts.AlertType;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An alert silence from the control topic ({@code silence:<id>}): alerts of the brand, of one type
 * or any, naming the term when one is given, detected before {@link #until} (and from its {@code
 * effectiveFrom} on, when it says one), are still written to {@code alerts} (marked {@code
 * silenced}) but not sent to the webhook. Like an Alertmanager silence: it says who set it and why,
 * and expires by itself; a tombstone lifts it earlier.
 */
public final class Silence implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The control topic's key of a silence: {@code silence:<id>}. */
    public static final String KEY = "silence:";

    /** {@code type} of a silence that covers every alert type. */
    public static final String ANY = "any";

    private static final Set<String> KEYS =
            Set.of("brand", "type", "match", "until", "reason", "by", ControlState.EFFECTIVE_FROM);

    public final String id;
    public final String brand;
    public final String type;

    /** A term the alert's keywords or driver terms must hold, or null. */
    public final String match;

    /** Event time (epoch ms) from which alerts are silenced ({@code effectiveFrom}, optional). */
    public final long from;

    /** Event time (epoch ms) from which alerts are no longer silenced. */
    public final long until;

    public final String reason;
    public final String by;

    private Silence(
            String id,
            String brand,
            String type,
            String match,
            long from,
            long until,
            String reason,
            String by) {
        this.id = id;
        this.brand = brand;
        this.type = type;
        this.match = match;
        this.from = from;
        this.until = until;
        this.reason = reason;
        this.by = by;
    }

    /**
     * Does it silence an alert of {@code brand} and {@code type}, detected at {@code detectedAt},
     * whose evidence names {@code terms}?
     */
    public boolean covers(String brand, String type, long detectedAt, List<String> terms) {
        return this.brand.equals(brand)
                && (this.type.equals(ANY) || this.type.equals(type))
                && detectedAt >= from
                && detectedAt < until
                && (match == null || terms.contains(match));
    }

    /**
     * The silence a control record sets, checked: every key known, the brand in force, the type an
     * alert type or {@code any}, {@code until} an ISO-8601 instant, {@code reason} and {@code by}
     * given.
     *
     * @throws ConfigException naming the key and the path of the problem
     */
    public static Silence parse(String key, String value, Set<String> brandIds) {
        return parse(key, value, brandIds, true);
    }

    /** A silence accepted earlier (checked when it was written), read again. */
    public static Silence read(String key, String value) {
        return parse(key, value, Set.of(), false);
    }

    private static Silence parse(
            String key, String value, Set<String> brandIds, boolean checkBrand) {
        String source = ControlValue.source(key);
        JsonNode s = ControlValue.object(key, value, KEY, "silence:<id>", "a silence", KEYS);
        String brand = ControlValue.text(s, "brand", key);
        if (checkBrand && !brandIds.contains(brand)) {
            throw new ConfigException(
                    source + ": key 'brand' '" + brand + "' is not the id of a brand in force");
        }
        String type = s.hasNonNull("type") ? s.get("type").asText() : ANY;
        boolean known =
                type.equals(ANY)
                        || Arrays.stream(AlertType.values()).anyMatch(t -> t.name().equals(type));
        if (!known) {
            throw new ConfigException(
                    source
                            + ": key 'type' must be "
                            + ANY
                            + " or one of "
                            + Arrays.toString(AlertType.values())
                            + ", not '"
                            + type
                            + "'");
        }
        String match = s.hasNonNull("match") ? ControlValue.text(s, "match", key) : null;
        long until = instant(s, "until", key);
        Long from = ControlState.effectiveFrom(key, value);
        if (from != null && from >= until) {
            throw new ConfigException(
                    source + ": key '" + ControlState.EFFECTIVE_FROM + "' must be before 'until'");
        }
        return new Silence(
                key.substring(KEY.length()),
                brand,
                type,
                match == null ? null : match.toLowerCase(Locale.ROOT),
                from == null ? Long.MIN_VALUE : from,
                until,
                ControlValue.text(s, "reason", key),
                ControlValue.text(s, "by", key));
    }

    private static long instant(JsonNode node, String name, String key) {
        try {
            return Instant.parse(ControlValue.text(node, name, key)).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    ControlValue.source(key)
                            + ": key '"
                            + name
                            + "' must be an ISO-8601 instant such as 2026-12-04T18:00:00Z");
        }
    }
}
