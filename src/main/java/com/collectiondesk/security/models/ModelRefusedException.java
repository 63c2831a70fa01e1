package com.collectiondesk.security.models;

import com.collectiondesk.errors.CallerFacingMessage;
import org.camunda.bpm.engine.BadUserRequestException;

/** A deployment the model guard refused; its message quotes the model's own text, so it is shown as it is. */
class ModelRefusedException extends BadUserRequestException implements CallerFacingMessage {

    ModelRefusedException(String message) {
        super(message);
    }
}
