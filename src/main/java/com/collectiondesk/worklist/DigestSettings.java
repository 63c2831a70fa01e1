package com.collectiondesk.worklist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code collection.digest.*}: when the daily task digest goes out (server time), from whom, and how. */
@Validated
@ConfigurationProperties("collection.digest")
record DigestSettings(
        @DefaultValue("0 0 7 * * ?") @NotBlank String cron,
        @DefaultValue("collection-desk@localhost") @NotBlank String from,
        @DefaultValue("sandbox") @NotNull Transport transport) {

    /** smtp mails the digest (spring.mail.*); sandbox, the embedded default, only logs each digest's subject. */
    enum Transport { SMTP, SANDBOX }
}
