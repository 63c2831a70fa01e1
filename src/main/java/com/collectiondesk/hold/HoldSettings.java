package com.collectiondesk.hold;

import com.collectiondesk.ledger.HoldReason;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code collection.holds.*}: the hold reasons under which the held invoices bear no late-payment interest. */
@ConfigurationProperties("collection.holds")
public record HoldSettings(@DefaultValue({"HARDSHIP", "INSOLVENCY"}) Set<HoldReason> interestFrozenFor) {

    boolean freezesInterest(HoldReason reason) {
        return interestFrozenFor.contains(reason);
    }
}
