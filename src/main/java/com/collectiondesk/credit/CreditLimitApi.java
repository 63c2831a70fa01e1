package com.collectiondesk.credit;

import com.collectiondesk.errors.NotFound;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.EntityScope;
import com.collectiondesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's credit limits: current, suggested (with what it was computed from) and their history. */
@RestController
@AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
class CreditLimitApi {

    record CreditLimitView(CreditLimits.Current limits, List<CreditLimitChange> history) {
    }

    private final CreditLimits limits;
    private final EntityScope scope;

    CreditLimitApi(CreditLimits limits, EntityScope scope) {
        this.limits = limits;
        this.scope = scope;
    }

    @Operation(summary = "A customer's current and suggested credit limit, the suggestion's basis and the limit's history (managers, analysts)")
    @GetMapping("/api/credit-limits/{customerId}")
    CreditLimitView get(@PathVariable String customerId) {
        CreditLimits.Current current = limits.current(customerId).filter(found -> scope.maySee(found.legalEntity()))
                .orElseThrow(() -> new NotFound("No credit limit suggested for customer " + customerId + " yet"));
        return new CreditLimitView(current, limits.history(current.customerFk()));
    }
}
