package com.collectiondesk.security.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request body accepted on {@code /api} and {@code /engine-rest}, per {@link BodyKind}. */
@ConfigurationProperties("collection.http.body-limits")
record BodyLimits(@DefaultValue("50MB") DataSize csvImport,
                  @DefaultValue("10MB") DataSize deployment,
                  @DefaultValue("1MB") DataSize json) {

    long bytesFor(BodyKind kind) {
        return switch (kind) {
            case CSV_IMPORT -> csvImport.toBytes();
            case DEPLOYMENT -> deployment.toBytes();
            case JSON -> json.toBytes();
        };
    }
}
