package com.collectiondesk.outreach;

import com.collectiondesk.security.ProductionSecret;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.unsubscribe.*}: the secret unsubscribe links are signed with ({@code COLLECTION_UNSUBSCRIBE_SECRET};
 * the development default is announced at start and refused by the postgres profile) and how long a link holds.
 */
@Validated
@ConfigurationProperties("collection.unsubscribe")
public record UnsubscribeSettings(
        @DefaultValue(UnsubscribeSettings.DEVELOPMENT_SECRET) String secret,
        @DefaultValue("P90D") @NotNull @DurationMin(seconds = 1) Duration validity) implements ProductionSecret {

    public static final String DEVELOPMENT_SECRET = "development-only-unsubscribe-secret";

    public boolean usesDevelopmentSecret() {
        return DEVELOPMENT_SECRET.equals(secret);
    }

    @Override
    public String whatToSet() {
        return "COLLECTION_UNSUBSCRIBE_SECRET (unsubscribe links would be signed with the development default)";
    }

    /** No secret, or the development default: not for a real installation. */
    @Override
    public boolean lacksRealSecret() {
        return secret == null || secret.isBlank() || usesDevelopmentSecret();
    }
}
