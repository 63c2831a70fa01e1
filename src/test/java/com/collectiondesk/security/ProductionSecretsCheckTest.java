package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.outreach.UnsubscribeSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class ProductionSecretsCheckTest {

    @Configuration
    @EnableConfigurationProperties({AdminProperties.class, UnsubscribeSettings.class})
    @Import(ProductionSecretsCheck.class)
    static class Check {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Check.class);

    private ApplicationContextRunner postgres() {
        return runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("postgres"));
    }

    @Test
    void thePostgresProfileRefusesTheDevelopmentAdministratorPassword() {
        for (String password : new String[] {"", "admin"}) {
            postgres().withPropertyValues("collection.admin.password=" + password, "collection.unsubscribe.secret=s3cret-from-env")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("COLLECTION_ADMIN_PASSWORD")
                                .hasMessageNotContaining("COLLECTION_UNSUBSCRIBE_SECRET");
                    });
        }
    }

    @Test
    void thePostgresProfileRefusesTheDevelopmentUnsubscribeSecret() {
        for (String secret : new String[] {"", UnsubscribeSettings.DEVELOPMENT_SECRET}) {
            postgres().withPropertyValues("collection.admin.password=Strong-Pass-1", "collection.unsubscribe.secret=" + secret)
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("COLLECTION_UNSUBSCRIBE_SECRET");
                    });
        }
        postgres().withPropertyValues("collection.admin.password=Strong-Pass-1").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("COLLECTION_UNSUBSCRIBE_SECRET"));
    }

    @Test
    void thePostgresProfileStartsWithRealSecrets() {
        postgres().withPropertyValues("collection.admin.password=Strong-Pass-1", "collection.unsubscribe.secret=s3cret-from-env")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theEmbeddedDefaultStillStartsWithTheDevelopmentDefaults() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theDevelopmentSecretIsTheOneApplicationYmlDefaultsTo() throws Exception {
        try (var yml = getClass().getResourceAsStream("/application.yml")) {
            assertThat(new String(yml.readAllBytes()))
                    .contains("${COLLECTION_UNSUBSCRIBE_SECRET:" + UnsubscribeSettings.DEVELOPMENT_SECRET + "}");
        }
    }
}
