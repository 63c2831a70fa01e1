package com.collectiondesk.contact;

import java.util.Optional;

/**
 * What a debtor asked about being contacted (a channel, a time of day), kept by the feature that took the wish (the
 * self-service page) and read by the contact policy before every decision. A preference narrows the lawful contact
 * hours, never widens them.
 */
public interface ContactPreferences {

    Optional<ContactPreference> of(Long customerPk);
}
