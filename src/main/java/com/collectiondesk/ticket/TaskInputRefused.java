package com.collectiondesk.ticket;

import com.collectiondesk.errors.InputRefused;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task listener's refusal of what the user submitted, starting with the field's name. {@link TaskInputRefusals}
 * lets it through the engine unwrapped, so Tasklist shows its message, engine-rest answers 400, and the log
 * holds no error with a stack trace for a user's mistake.
 */
public class TaskInputRefused extends FormFieldValidationException {

    public TaskInputRefused(String field, String problem) {
        super(field, field + ": " + problem);
    }

    /** The value {@code read} returns; a refusal of the submitted value becomes the task's refusal of that field. */
    public static <T> T reading(Supplier<T> read) {
        try {
            return read.get();
        } catch (InputRefused refused) {
            throw new TaskInputRefused(refused.field(), refused.reason());
        }
    }
}
