package com.collectiondesk.security.models;

import com.collectiondesk.deployment.DeploymentCheck;
import com.collectiondesk.deployment.ShippedModels;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The deploy-time checks, for the engine's deployments (the {@link ModelGuard} in front of its deployers) and for a
 * model that is only tried, never deployed (the strategy's dry-run): the same size caps, safety checks and features'
 * {@link DeploymentCheck}s either way. The delegates a model may name are this service's JavaDelegate,
 * ExecutionListener and TaskListener beans, read from the application context at first use, and so are the
 * features' checks; the service's own processes are those of the {@link ShippedModels}.
 */
@Component
public class ModelChecks {

    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

    private final ListableBeanFactory beans;
    private final ShippedModels shipped;
    private final ModelGuard guard;

    ModelChecks(ListableBeanFactory beans, ShippedModels shipped, SizeCaps caps) {
        this.beans = beans;
        this.shipped = shipped;
        this.guard = new ModelGuard(caps, SingletonSupplier.of(this::expressionNames), SingletonSupplier.of(this::ownProcessKeys),
                SingletonSupplier.of(() -> List.copyOf(beans.getBeansOfType(DeploymentCheck.class).values())));
    }

    ModelGuard guard() {
        return guard;
    }

    /** Why the resource would be refused at deployment ("… decision table 'x' rule 'y' … — hint"), or empty. */
    public Optional<String> refusal(String resourceName, byte[] content) {
        return guard.refusal(resourceName, content).map(refusal -> refusal.problem() + " — " + refusal.hint());
    }

    private ExpressionNames expressionNames() {
        Set<String> delegates = new HashSet<>();
        for (Class<?> type : DELEGATE_TYPES) {
            delegates.addAll(List.of(beans.getBeanNamesForType(type, true, false)));
        }
        return new ExpressionNames(Set.copyOf(delegates), beans::containsBean);
    }

    private Set<String> ownProcessKeys() {
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, byte[]> model : shipped.resources().entrySet()) {
            if (ResourceTypes.kind(model.getKey()) == ResourceTypes.Kind.BPMN) {
                keys.addAll(BpmnCheck.processKeys(model.getValue()));
            }
        }
        return Set.copyOf(keys);
    }
}
