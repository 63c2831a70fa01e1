package com.collectiondesk.report;

import com.collectiondesk.security.EntityScope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
}
