package com.collectiondesk.security.models;

import com.collectiondesk.deployment.DeploymentCheck;
import com.collectiondesk.deployment.ShippedModels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Registers the {@link ModelGuard} in front of the engine's deployers. The delegates a model may name are
 * this service's JavaDelegate, ExecutionListener and TaskListener beans, read from the application context
 * at the first deployment, and so are the features' {@link DeploymentCheck}s; the service's own processes are
 * those of the {@link ShippedModels}.
 */
@Component
class ModelGuardPlugin extends AbstractCamundaConfiguration {

    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

    private final ListableBeanFactory beans;
    private final ShippedModels shipped;
    private final SizeCaps caps;

    ModelGuardPlugin(ListableBeanFactory beans, ShippedModels shipped, SizeCaps caps) {
        this.beans = beans;
        this.shipped = shipped;
        this.caps = caps;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ModelGuard(caps, SingletonSupplier.of(this::expressionNames), SingletonSupplier.of(this::ownProcessKeys),
                SingletonSupplier.of(() -> List.copyOf(beans.getBeansOfType(DeploymentCheck.class).values()))));
        configuration.setCustomPreDeployers(preDeployers);
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
