package com.collectiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.outreach.OutreachSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Every setting is a {@code @ConfigurationProperties} record, bound and validated when the service starts: the
 * shipped application.yml binds, a default lives in one place (the outreach retry cycle is the same with or without
 * application.yml), and a bad value stops the start with a message naming the property and what is wrong with it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidatedAtStartTest {

    /** All of the service's settings records and the retry cycles the BPMN reads, nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("com.collectiondesk")
    static class SettingsOnly {
    }

    /** The properties as command-line arguments, which override application.yml as an operator's would. */
    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(SettingsOnly.class, RetryCycles.class).web(WebApplicationType.NONE)
                .run(java.util.Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new));
    }

    @Test
    void theShippedConfigurationBindsWithTheOutreachRetryCycleItDocuments() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(OutreachSettings.class).retryCycle()).isEqualTo("PT1M,PT5M,PT30M");
            RetryCycles cycles = context.getBean(RetryCycles.class);
            assertThat(cycles.getOutreach()).isEqualTo("PT1M,PT5M,PT30M");
            assertThat(cycles.getErp()).isEqualTo("R3/PT1M");
            assertThat(cycles.getScan()).isEqualTo("R3/PT5M");
            assertThat(context.getBean(DpdBuckets.class).upperBounds()).containsExactly(30, 60, 90, 120);
        }
    }

    @Test
    void withoutApplicationYmlTheDefaultsAreTheSame() {
        try (ConfigurableApplicationContext context = start("spring.config.location=optional:classpath:/no-such-config.yml",
                "collection.ledger.product-types=CONSUMER_LOAN")) {
            assertThat(context.getBean(RetryCycles.class).getOutreach()).isEqualTo("PT1M,PT5M,PT30M");
            assertThat(context.getBean(BusinessZone.class).businessZone().getId()).isEqualTo("Europe/Sofia");
        }
    }

    @Test
    void aNegativePromiseHorizonStopsTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.worklist.promise-max-days=-1");
        assertThat(output).containsPattern(named("collection.worklist", "promise-max-days")).contains("must be greater than 0");
    }

    @Test
    void noProductTypesStopTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.ledger.product-types=");
        assertThat(output).containsPattern(named("collection.ledger", "product-types")).contains("must not be empty");
    }

    @Test
    void aBlankRetryCycleStopsTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.outreach.retry-cycle= ");
        assertThat(output).containsPattern(named("collection.outreach", "retry-cycle")).contains("must not be blank");
    }

    @Test
    void aZeroModelCapStopsTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.models.max-resource-bytes=0");
        assertThat(output).containsPattern(named("collection.models", "max-resource-bytes")).contains("must be greater than 0");
    }

    @Test
    void aNegativeUnsubscribeValidityStopsTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.unsubscribe.validity=-P1D");
        assertThat(output).contains("Property: collection.unsubscribe.validity").contains("must be longer than or equal to 1 second");
    }

    @Test
    void anUnknownBusinessZoneStopsTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.business-zone=Mars/Olympus_Mons");
        assertThat(output).contains("collection.business-zone").contains("Mars/Olympus_Mons");
    }

    @Test
    void bucketsThatDoNotRiseStopTheStartNamingTheProperty(CapturedOutput output) {
        refused("collection.tickets.buckets=60,30");
        assertThat(output).contains("collection.tickets.buckets must rise strictly: [60, 30]");
    }

    /** Spring Boot names a record's property by its Java name (promiseMaxDays); either spelling binds. */
    private static String named(String prefix, String kebab) {
        String[] words = kebab.split("-");
        StringBuilder camel = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return "Property: " + java.util.regex.Pattern.quote(prefix + ".") + "(" + kebab + "|" + camel + ")\\b";
    }

    private static void refused(String property) {
        assertThatThrownBy(() -> start(property).close()).isInstanceOf(RuntimeException.class);
    }
}
