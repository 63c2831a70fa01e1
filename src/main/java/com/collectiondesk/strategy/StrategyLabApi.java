package com.collectiondesk.strategy;

import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.CurrentUser;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The strategy lab: promoting the challenger (managers) and its record (managers, analysts). README, "Strategy lab". */
@RestController
@RequestMapping("/api/strategy")
@AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
class StrategyLabApi {

    private final ChallengerPromotion promotions;
    private final CurrentUser currentUser;

    StrategyLabApi(ChallengerPromotion promotions, CurrentUser currentUser) {
        this.promotions = promotions;
        this.currentUser = currentUser;
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
