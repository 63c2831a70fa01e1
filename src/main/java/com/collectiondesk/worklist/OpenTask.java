package com.collectiondesk.worklist;

import java.time.Instant;

/** An open task as the digest lists it: which ticket, what to do, by when. */
record OpenTask(String assignee, String ticketNumber, String name, Instant due) {

    boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }

    boolean isDueBetween(Instant now, Instant endOfDay) {
        return due != null && !due.isBefore(now) && !due.isAfter(endOfDay);
    }
}
