package com.collectiondesk.worklist;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.worklist.*}: how long each kind of task may take and how far ahead a promise may go
 * ({@code call-window-refresh} is read by {@link CallWindowSchedule}'s timer).
 */
@Validated
@ConfigurationProperties("collection.worklist")
record WorklistSettings(
        @DefaultValue("10") @Positive int disputeBusinessDays,
        @DefaultValue("5") @Positive int escalationBusinessDays,
        @DefaultValue("30") @Positive int promiseMaxDays) {
}
