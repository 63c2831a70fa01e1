package com.collectiondesk.selfservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code collection.self-service.disputes.*}: the largest attachment a debtor may add to a dispute on the page
 * ({@code attachment-max-size}, default 5MB). A bigger upload is refused before its body is parsed.
 */
@ConfigurationProperties("collection.self-service.disputes")
record DisputeSettings(@DefaultValue("5MB") DataSize attachmentMaxSize) {

    /** The whole form may carry the file plus this much for its other fields and the multipart framing. */
    static final long FORM_OVERHEAD = 64 * 1024;

    long largestForm() {
        return attachmentMaxSize.toBytes() + FORM_OVERHEAD;
    }
}
