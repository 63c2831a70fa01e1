package com.collectiondesk.system;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code collection.business-zone}: the time zone whose days are the business dates (an unknown zone fails the start). */
@Validated
@ConfigurationProperties("collection")
public record BusinessZone(@DefaultValue("Europe/Sofia") @NotNull ZoneId businessZone) {
}
