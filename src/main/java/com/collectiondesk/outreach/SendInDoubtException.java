package com.collectiondesk.outreach;

/**
 * Another try holds the send key: it is sending right now, or it crashed between calling the provider and
 * recording the answer. Sending again could reach the debtor twice, so the job fails and retries; if the key
 * is still in doubt when the retries run out, the incident asks an operator to check the provider's log.
 */
class SendInDoubtException extends RuntimeException {

    SendInDoubtException(String sendKey) {
        super("Send " + sendKey + " is in progress elsewhere or its outcome is unknown; not sending it again. "
                + "Check the provider's message log for it, settle it with POST /api/outreach/sends/{key}/settlement "
                + "(SENT with the provider's id, or NOT_SENT), then retry.");
    }
}
