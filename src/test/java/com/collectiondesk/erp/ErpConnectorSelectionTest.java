package com.collectiondesk.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/** collection.erp.type picks exactly one adapter; the REST one needs a base URL and credentials. */
class ErpConnectorSelectionTest {

    @EnableConfigurationProperties({ErpProperties.class, ErpCredentials.class})
    static class Adapters {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Adapters.class, BuiltInErpConnector.class, RestErpConnector.class)
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withBean(ReceivablesApplier.class, () -> mock(ReceivablesApplier.class));

    @Test
    void theBuiltInLedgerIsTheDefault() {
        context.run(app -> assertThat(app.getBean(ErpConnector.class)).isInstanceOf(BuiltInErpConnector.class));
    }

    @Test
    void restIsChosenByConfigurationWithCredentialsFromTheEnvironment() {
        context.withPropertyValues("collection.erp.type=rest", "collection.erp.base-url=http://127.0.0.1:9/erp",
                        "ERP_TOKEN=from-env")
                .run(app -> assertThat(app.getBean(ErpConnector.class)).isInstanceOf(RestErpConnector.class));
    }

    @Test
    void restWithoutABaseUrlFailsAtStartWithAClearMessage() {
        context.withPropertyValues("collection.erp.type=rest", "ERP_TOKEN=from-env")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("collection.erp.base-url"));
    }
}
