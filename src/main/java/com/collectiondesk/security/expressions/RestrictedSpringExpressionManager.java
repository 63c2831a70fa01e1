package com.collectiondesk.security.expressions;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/** Spring's expression manager, with {@link RestrictedMembersElResolver} asked before any other resolver. */
class RestrictedSpringExpressionManager extends SpringExpressionManager {

    RestrictedSpringExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolvers = new CompositeELResolver();
        resolvers.add(new RestrictedMembersElResolver());
        resolvers.add(super.createElResolver());
        return resolvers;
    }
}
