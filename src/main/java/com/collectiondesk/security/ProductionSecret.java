package com.collectiondesk.security;

/**
 * A secret a feature needs in a real installation (e.g. the key unsubscribe links are signed with). The feature's
 * settings publish it, so the postgres profile's start-up check knows every secret without knowing the features.
 */
public interface ProductionSecret {

    /** Whether the secret is missing or still the development default. */
    boolean lacksRealSecret();

    /** What to set, and what goes wrong without it, e.g. "COLLECTION_UNSUBSCRIBE_SECRET (unsubscribe links …)". */
    String whatToSet();
}
