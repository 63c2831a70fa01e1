package com.collectiondesk.worklist;

import com.collectiondesk.ledger.LedgerSettings;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: the demo collector gets a profile (every language of the templates, every product type,
 * team lead {@code manager}), so the demo portfolio's tickets get an owner and the call tasks land in a worklist.
 */
@Component
@Profile("demo")
class DemoCollectorProfile {

    static final String COLLECTOR = "collector";
    static final String TEAM_LEAD = "manager";

    private final CollectorProfileRepository profiles;
    private final List<String> productTypes;

    DemoCollectorProfile(CollectorProfileRepository profiles,
                         LedgerSettings ledger) {
        this.profiles = profiles;
        this.productTypes = ledger.productTypes();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ensureProfile() {
        if (profiles.existsById(COLLECTOR)) {
            return; // an administrator may have changed it since
        }
        CollectorProfile profile = new CollectorProfile(COLLECTOR);
        profile.update(List.of("en", "bg", "ro", "de"), productTypes, true, TEAM_LEAD, Instant.now());
        profiles.save(profile);
    }
}
