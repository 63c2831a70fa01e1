package com.collectiondesk.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Today in the business's time zone, on the engine's clock so that days past due agree with the tickets. */
@Component
class BusinessDate {

    private final ZoneId businessZone;

    BusinessDate(@Value("${collection.business-zone:Europe/Sofia}") ZoneId businessZone) {
        this.businessZone = businessZone;
    }

    LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), businessZone);
    }
}
