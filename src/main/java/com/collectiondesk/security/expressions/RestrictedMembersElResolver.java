package com.collectiondesk.security.expressions;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELClass;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;

/**
 * First in the engine's EL resolver chain: refuses, at evaluation time, any property read or method call on
 * classes, class loaders, threads, processes, reflection, engine services and configuration, the command context
 * and Spring's bean factory or environment, any member that leads there ({@code getClass}, {@code forName},
 * {@code processEngineServices}, …) and the Spring beans that expose environment variables. Whatever an
 * expression came in by (a query, a filter, a model), it cannot reach secrets or the engine itself. It resolves
 * nothing itself, so our models' delegate expressions, conditions and timers and Tasklist's functions work as before.
 */
class RestrictedMembersElResolver extends ELResolver {

    private static final List<Class<?>> REFUSED_TYPES = List.of(Class.class, ClassLoader.class, Thread.class,
            ThreadGroup.class, Runtime.class, ProcessBuilder.class, Process.class, ProcessHandle.class, Module.class,
            ModuleLayer.class, ELClass.class, ProcessEngineServices.class, ProcessEngineConfigurationImpl.class,
            org.camunda.bpm.engine.ProcessEngineConfiguration.class, ServiceImpl.class, CommandContext.class,
            BeanFactory.class, Environment.class, javax.sql.DataSource.class);

    private static final List<String> REFUSED_PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.");

    private static final Set<String> REFUSED_MEMBERS = Set.of("class", "getClass", "classLoader", "getClassLoader",
            "contextClassLoader", "getContextClassLoader", "forName", "processEngine", "getProcessEngine",
            "processEngineServices", "getProcessEngineServices", "processEngineConfiguration",
            "getProcessEngineConfiguration");

    /** Spring's own beans holding the process environment and system properties. */
    private static final Set<String> REFUSED_TOP_LEVEL_NAMES = Set.of("environment", "systemEnvironment", "systemProperties");

    private static final ClassValue<Boolean> REFUSED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return REFUSED_TYPES.stream().anyMatch(refused -> refused.isAssignableFrom(type))
                    || REFUSED_PACKAGES.stream().anyMatch(type.getName()::startsWith)
                    || isEngineService(type);
        }
    };

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        check(base, method);
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        check(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    private static void check(Object base, Object member) {
        String name = member == null ? "" : member.toString();
        if (base == null) {
            if (REFUSED_TOP_LEVEL_NAMES.contains(name)) {
                throw refused("'" + name + "' may not be used in an expression");
            }
            return;
        }
        if (REFUSED_MEMBERS.contains(name)) {
            throw refused("'" + name + "' may not be used in an expression");
        }
        if (REFUSED.get(base.getClass())) {
            throw refused("an expression may not use '" + name + "' of a " + describe(base.getClass()));
        }
    }

    private static ProcessEngineException refused(String reason) {
        return new ProcessEngineException("Expression refused: " + reason
                + " (classes, reflection, threads, processes, engine services and the environment are out of reach).");
    }

    private static String describe(Class<?> type) {
        if (isEngineService(type) || ServiceImpl.class.isAssignableFrom(type)) {
            return "engine service";
        }
        return REFUSED_TYPES.stream().filter(refused -> refused.isAssignableFrom(type)).findFirst()
                .map(Class::getSimpleName).orElse("reflection object");
    }

    /** An engine service by its interface (RuntimeService, TaskService, …), whatever implements or proxies it. */
    private static boolean isEngineService(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> contract : current.getInterfaces()) {
                if (contract.getPackageName().equals("org.camunda.bpm.engine") && contract.getSimpleName().endsWith("Service")) {
                    return true;
                }
            }
        }
        return false;
    }
}
