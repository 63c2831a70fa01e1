package com.collectiondesk.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits for the JSON the service reads with Spring's ObjectMapper (our API's bodies, the ERP's answers): no body of
 * ours nests more than a few levels, so a deeper one is refused early instead of being walked, and a key given twice
 * is refused rather than silently keeping the last value.
 */
@Configuration
public class JsonLimits {

    public static final int MAX_NESTING_DEPTH = 100;

    /** The nesting bound for every JSON parser of the service, Spring's and the engine guard's alike. */
    public static StreamReadConstraints readConstraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(readConstraints()));
    }
}
