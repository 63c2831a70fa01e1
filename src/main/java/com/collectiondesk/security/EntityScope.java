package com.collectiondesk.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The legal entities the current user may see. A member of a group {@code entity-<code>} (e.g. {@code entity-ro}) is
 * limited to those entities: the ticket API, the task queries and the reports show nothing of the others. A user in
 * no such group, and an administrator, sees every entity.
 */
@Component
public class EntityScope {

    public static final String GROUP_PREFIX = "entity-";
    /** The ticket process's variable naming its legal entity: limited users' task queries match on it. */
    public static final String PROCESS_VARIABLE = "legalEntity";

    private final CurrentUser user;

    EntityScope(CurrentUser user) {
        this.user = user;
    }

    /** The entity codes (upper case) the user is limited to; empty when the user sees every entity. */
    public Optional<Set<String>> limitedTo() {
        return limitedBy(user.groupIds());
    }

    /** The entities these groups limit a user to; empty for none (or an administrator). */
    public static Optional<Set<String>> limitedBy(java.util.List<String> groupIds) {
        if (groupIds == null || groupIds.contains(Groups.CAMUNDA_ADMIN)) {
            return Optional.empty();
        }
        Set<String> entities = new TreeSet<>();
        for (String group : groupIds) {
            if (group.toLowerCase(Locale.ROOT).startsWith(GROUP_PREFIX) && group.length() > GROUP_PREFIX.length()) {
                entities.add(group.substring(GROUP_PREFIX.length()).toUpperCase(Locale.ROOT));
            }
        }
        return entities.isEmpty() ? Optional.empty() : Optional.of(entities);
    }

    public boolean maySee(String legalEntity) {
        return limitedTo().map(entities -> entities.contains(legalEntity)).orElse(true);
    }
}
