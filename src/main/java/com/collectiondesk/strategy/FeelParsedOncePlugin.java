package com.collectiondesk.strategy;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL engine parses each cell of a decision table once, not on every evaluation: Camunda's
 * FEEL integration hands the engine the cell's text each time, and parsing was a quarter of a decision's cost.
 * Parsing is a pure function of the text (same engine, same configuration), and parsed expressions are
 * immutable, so the engine evaluates exactly what it did before. Not used in FEEL legacy (JUEL) mode.
 */
@Component
class FeelParsedOncePlugin extends AbstractProcessEnginePlugin {

    /** More distinct cells than any set of deployed tables has: beyond it the cache starts afresh. */
    static final int MAX_EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return;
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() == null) {
            List<FeelCustomFunctionProvider> functions = configuration.getDmnFeelCustomFunctionProviders();
            dmn.setFeelEngineFactory(new Factory(functions == null ? List.of() : functions));
        }
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's FEEL engine factory, with the parse cache. */
    static final class Factory extends ScalaFeelEngineFactory {

        Factory(List<FeelCustomFunctionProvider> functions) {
            super(functions);
        }

        @Override
        public org.camunda.bpm.dmn.feel.impl.FeelEngine createInstance() {
            return new ScalaFeelEngine(getCustomFunctionProviders()) {
                @Override
                protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, ValueMapper.CompositeValueMapper mapper) {
                    FeelEngine built = super.buildFeelEngine(functions, mapper);
                    return new ParsedOnce(built);
                }
            };
        }
    }

    /** A FEEL engine configured as the one Camunda builds, remembering what it parsed. */
    @SuppressWarnings("deprecation") // Camunda 7.24's FEEL integration is built on this (deprecated) engine class
    static final class ParsedOnce extends FeelEngine {

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        ParsedOnce(FeelEngine configuredAs) {
            super(configuredAs.functionProvider(), configuredAs.valueMapper(), configuredAs.configuration(), configuredAs.clock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return remembered(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return remembered(unaryTests, expression, super::parseUnaryTests);
        }

        private static Either<Failure, ParsedExpression> remembered(Map<String, Either<Failure, ParsedExpression>> cache,
                String expression, java.util.function.Function<String, Either<Failure, ParsedExpression>> parse) {
            Either<Failure, ParsedExpression> parsed = cache.get(expression);
            if (parsed == null) {
                parsed = parse.apply(expression);
                if (cache.size() >= MAX_EXPRESSIONS) {
                    cache.clear();
                }
                cache.put(expression, parsed);
            }
            return parsed;
        }
    }
}
