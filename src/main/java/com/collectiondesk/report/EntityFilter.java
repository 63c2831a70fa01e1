package com.collectiondesk.report;

import com.collectiondesk.security.EntityScope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The legal entities a report covers: the one asked for ({@code legalEntity}), within those the user is limited to;
 * all (null) for an unlimited user who asks for none. Asking for an entity one may not see is refused (403).
 */
@Component
class EntityFilter {

    private final EntityScope scope;

    EntityFilter(EntityScope scope) {
        this.scope = scope;
    }

    List<String> entities(String asked) {
        Optional<Set<String>> limited = scope.limitedTo();
        if (asked == null || asked.isBlank()) {
            return limited.map(List::copyOf).orElse(null);
        }
        String code = asked.strip().toUpperCase(Locale.ROOT);
        if (limited.isPresent() && !limited.get().contains(code)) {
            throw BadReportParameter.forbidden("legalEntity", "You may see reports of the legal entities "
                    + String.join(", ", limited.get()) + " only.");
        }
        return List.of(code);
    }

    Coverage coverage(String asked) {
        return new Coverage(entities(asked));
    }

    /**
     * The report's SQL conditions for its entities: nothing for every entity, else "the row's ticket, customer or
     * entity column is one of them". Every report reads rows that name a ticket or a customer, so one rule serves all.
     */
    record Coverage(List<String> entities) {

        static final Coverage EVERY_ENTITY = new Coverage(null);

        boolean everyEntity() {
            return entities == null;
        }

        /** {@code and <column> in (:entities)}, for a legal-entity column the query reads already (rv_ticket t). */
        String entity(String column) {
            return everyEntity() ? "" : " and " + column + " in (:entities)";
        }

        String ticket(String ticketColumn) {
            return everyEntity() ? "" : " and " + ticketColumn + " in (select id from rv_ticket where legal_entity in (:entities))";
        }

        String customer(String customerColumn) {
            return everyEntity() ? "" : " and " + customerColumn
                    + " in (select id from rv_customer where legal_entity in (:entities))";
        }

        MapSqlParameterSource addTo(MapSqlParameterSource parameters) {
            return everyEntity() ? parameters : parameters.addValue("entities", entities);
        }

        String describe() {
            return everyEntity() ? null : String.join(",", entities);
        }
    }
}
