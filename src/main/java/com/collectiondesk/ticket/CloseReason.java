package com.collectiondesk.ticket;

/** Why a ticket closed. */
public enum CloseReason {
    PAID, CANCELLED, WRITTEN_OFF, PLACED_WITH_AGENCY, LEGAL
}
