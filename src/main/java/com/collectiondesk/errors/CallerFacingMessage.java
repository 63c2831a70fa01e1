package com.collectiondesk.errors;

/**
 * An exception whose message was written for the caller and may quote their input verbatim (an expression
 * naming {@code java.lang.Runtime}, say): error answers show it unchanged instead of shortening class names in it.
 */
public interface CallerFacingMessage {
}
