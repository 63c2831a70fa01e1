package com.collectiondesk.outreach;

/**
 * The request reached the provider (or may have) but no answer came back: it may have taken the message. The
 * send stays in doubt (SENDING) until an operator settles it; it is never sent again on a guess.
 */
class ProviderAnswerUnknownException extends RuntimeException {

    ProviderAnswerUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
