package com.collectiondesk.strategy;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The strategy lab: the dry-run of candidate models (analysts, managers), promoting the challenger (managers) and its
 * record. README, "Champion and challenger" and "Dry-run of a model change".
 */
@RestController
@RequestMapping("/api/strategy")
@AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
class StrategyLabApi {

    /** Tickets opened up to this many months back may be added to the open ones. */
    static final int MAX_MONTHS = 24;

    private final ChallengerPromotion promotions;
    private final CandidateModels candidates;
    private final DryRun dryRun;
    private final DryRunDecisions decisions;
    private final CurrentUser currentUser;

    StrategyLabApi(ChallengerPromotion promotions, CandidateModels candidates, DryRun dryRun, DryRunDecisions decisions,
                   CurrentUser currentUser) {
        this.promotions = promotions;
        this.candidates = candidates;
        this.dryRun = dryRun;
        this.decisions = decisions;
        this.currentUser = currentUser;
    }

    /** The candidates as DMN XML text; {@code openedInLastMonths} adds the tickets opened since then, closed ones too. */
    record DryRunRequest(String segment, String strategy, Integer openedInLastMonths) {
    }

    @Operation(summary = "Dry-run of candidate segment and/or strategy DMN (XML in JSON) over every open ticket (optionally those opened in the last N months), changing nothing: segment from × to, contacts per channel per day for 30 days after the contact policy's static rules, their cost, empty or invalid plans (analysts, managers)")
    @PostMapping(path = "/dry-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    DryRun.Result dryRun(@RequestBody DryRunRequest request) {
        if (blank(request.segment()) && blank(request.strategy())) {
            throw new InputRefused("segment", "send a candidate: the DMN XML of a 'segment' and/or a 'strategy' decision");
        }
        Integer months = request.openedInLastMonths();
        if (months != null && (months < 1 || months > MAX_MONTHS)) {
            throw new InputRefused("openedInLastMonths", "a whole number of months from 1 to " + MAX_MONTHS + ", not " + months);
        }
        DryRunDecisions.Table segment = blank(request.segment()) ? null : candidates.candidate("segment",
                request.segment().getBytes(StandardCharsets.UTF_8), Decisions.TICKET_SEGMENT);
        DryRunDecisions.Table strategy = blank(request.strategy()) ? null : candidates.candidate("strategy",
                request.strategy().getBytes(StandardCharsets.UTF_8), Decisions.COLLECTION_STRATEGY);
        return dryRun.run(new DryRun.Candidates(segment, strategy, months));
    }

    @Operation(summary = "The deployed segment and strategy decisions a dry-run compares its candidates with: version and deployment time (analysts, managers)")
    @GetMapping("/dry-runs/deployed-models")
    List<DryRunDecisions.Deployed> deployedModels() {
        return List.of(decisions.describe(Decisions.TICKET_SEGMENT), decisions.describe(Decisions.COLLECTION_STRATEGY));
    }

    private static boolean blank(String xml) {
        return xml == null || xml.isBlank();
    }

    @Operation(summary = "Promote the challenger: its rules become the champion's next version for new tickets; tickets already planned keep their variant (managers)")
    @PostMapping("/promotions")
    @AllowedGroups(Groups.MANAGERS)
    ResponseEntity<ChallengerPromotion.Promotion> promote() {
        ChallengerPromotion.Promotion promotion = promotions.promote(currentUser.userId().orElseThrow());
        return ResponseEntity.created(URI.create("/api/strategy/promotions")).body(promotion);
    }

    @Operation(summary = "Every promotion of a challenger, newest first: which versions, who, when")
    @GetMapping("/promotions")
    List<ChallengerPromotion.Promotion> promotions() {
        return promotions.all();
    }
}
