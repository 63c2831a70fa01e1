package com.collectiondesk.strategy;

import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.security.models.ModelChecks;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * A candidate DMN file of a dry-run, checked as a deployment would be (size, FEEL only, allowed output values, the
 * strategy table's channels and fees: the same checks, {@link ModelChecks}) and parsed by the dry-run's decision
 * engine; anything wrong is refused naming the form field and the element, and nothing is evaluated.
 */
@Component
class CandidateModels {

    private final ModelChecks checks;
    private final DryRunDecisions decisions;

    CandidateModels(ModelChecks checks, DryRunDecisions decisions) {
        this.checks = checks;
        this.decisions = decisions;
    }

    /**
     * @param field the request field the XML came in (named {@code <field>.dmn} in refusals); {@code decisionIds} the
     * decisions it may hold, the first found is taken
     */
    DryRunDecisions.Table candidate(String field, byte[] content, String... decisionIds) {
        String resource = field + ".dmn";
        checks.refusal(resource, content).ifPresent(refusal -> {
            throw new InputRefused(field, resource + " " + refusal);
        });
        DryRunDecisions.Table table = null;
        try {
            for (int i = 0; i < decisionIds.length && table == null; i++) {
                table = decisions.parse(content, decisionIds[i]);
            }
        } catch (DmnEngineException | ModelException unreadable) {
            throw new InputRefused(field, resource + " is not a decision table the engine can read: "
                    + unreadable.getMessage());
        }
        if (table == null) {
            throw new InputRefused(field, resource + " has no decision with id '" + String.join("' or '", decisionIds) + "'");
        }
        return table;
    }
}
