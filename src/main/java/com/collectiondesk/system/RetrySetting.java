package com.collectiondesk.system;

/** A feature's retry cycle for its async process steps (an ISO 8601 repeat or a list of waits). */
public interface RetrySetting {

    /** The name the models read it by: {@code ${retryCycles.<feature>}}. */
    String feature();

    String retryCycle();
}
