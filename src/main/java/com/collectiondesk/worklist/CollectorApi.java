package com.collectiondesk.worklist;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.collectiondesk.system.BusinessClock;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Collectors' skills, availability and team lead, kept by managers and administrators. */
@RestController
@RequestMapping("/api/collectors")
@AllowedGroups(Groups.MANAGERS)
class CollectorApi {

    record ProfileView(String userId, List<String> languages, List<String> productTypes, boolean available, String teamLead) {
        static ProfileView of(CollectorProfile profile) {
            return new ProfileView(profile.getUserId(), profile.getLanguages(), profile.getProductTypes(),
                    profile.isAvailable(), profile.getTeamLead());
        }
    }

    record ProfileRequest(
            @NotEmpty @Size(max = 20) List<@Pattern(regexp = "[a-zA-Z]{2,3}", message = "must be a language code such as bg or en") String> languages,
            @NotEmpty @Size(max = 30) List<@Pattern(regexp = "[A-Za-z0-9_]{1,40}", message = "must be a product type code such as CONSUMER_LOAN") String> productTypes,
            @NotNull Boolean available,
            @Size(max = 64) String teamLead) {
    }

    private final CollectorProfileRepository profiles;
    private final IdentityService identity;
    private final BusinessClock clock;
    private final CollectorQueues queues;
    private final OwnerAssignment assignment;

    CollectorApi(CollectorProfileRepository profiles, IdentityService identity, BusinessClock clock, CollectorQueues queues,
                 OwnerAssignment assignment) {
        this.profiles = profiles;
        this.identity = identity;
        this.clock = clock;
        this.queues = queues;
        this.assignment = assignment;
    }

    /** Every collector with their profile (null when none is kept yet) and the size of their queue; analysts see it on the dashboard. */
    @Operation(summary = "Every collector with their profile and the size of their queue (managers, analysts)")
    @GetMapping
    @AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
    List<CollectorQueues.Collector> list() {
        return queues.collectors();
    }

    /** One collector's open tickets and open tasks. */
    @Operation(summary = "One collector's open tickets and open tasks")
    @GetMapping("/{userId}/queue")
    CollectorQueues.Queue queue(@PathVariable String userId) {
        if (!assignment.isCollector(userId)) {
            throw new NotFound("No collector " + userId);
        }
        return queues.queue(userId);
    }

    @Operation(summary = "A collector's profile: languages, product types, availability, team lead")
    @GetMapping("/{userId}")
    ProfileView get(@PathVariable String userId) {
        return profiles.findById(userId).map(ProfileView::of)
                .orElseThrow(() -> new NotFound("No collector profile for " + userId));
    }

    @Operation(summary = "Create or change a collector's profile (managers)")
    @PutMapping(path = "/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ProfileView put(@PathVariable String userId, @Valid @RequestBody ProfileRequest request) {
        if (!assignment.isCollector(userId)) {
            throw new InputRefused("userId", "" + userId + " is not a member of " + Groups.COLLECTORS);
        }
        if (request.teamLead() != null
                && identity.createUserQuery().userId(request.teamLead()).memberOfGroup(Groups.MANAGERS).count() == 0) {
            throw new InputRefused("teamLead", "" + request.teamLead() + " is not a member of " + Groups.MANAGERS);
        }
        CollectorProfile profile = profiles.findById(userId).orElseGet(() -> new CollectorProfile(userId));
        profile.update(request.languages(), request.productTypes(), request.available(), request.teamLead(),
                clock.now());
        return ProfileView.of(profiles.save(profile));
    }
}
