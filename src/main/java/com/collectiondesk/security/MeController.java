package com.collectiondesk.security;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the API sees them: clients use it to check credentials and show the user's roles. */
@RestController
class MeController {

    record Me(String userId, List<String> groups) {
    }

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Operation(summary = "Who the caller is and which groups they are in")
    @GetMapping("/api/me")
    Me me() {
        return new Me(currentUser.userId().orElseThrow(), currentUser.groupIds());
    }
}
