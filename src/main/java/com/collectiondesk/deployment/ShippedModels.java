package com.collectiondesk.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models this service ships in the classpath folders {@code bpmn/}, {@code dmn/} and {@code forms/},
 * under names relative to the classpath root ({@code bpmn/delinquency-ticket.bpmn}), never under a
 * machine-dependent file path. Their processes are the service's own (the deployment checks allow start
 * events that fire on their own only there).
 */
@Component
public class ShippedModels {

    static final List<String> MODEL_FOLDERS = List.of("bpmn", "dmn", "forms");
    private static final Map<String, String> SUFFIXES = Map.of("bpmn", "*.bpmn", "dmn", "*.dmn", "forms", "*.form");

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private final String classpathRoot;
    private Map<String, byte[]> resources;

    /** {@code collection.models.classpath-root}: empty (the default) for the folders the build copies to the top. */
    ShippedModels(ModelSettings settings) {
        String classpathRoot = settings.classpathRoot();
        this.classpathRoot = classpathRoot.isEmpty() || classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
    }

    /** Model resources keyed by their stable name, e.g. {@code forms/call-debtor.form}; read once. */
    public synchronized Map<String, byte[]> resources() {
        if (resources == null) {
            resources = Collections.unmodifiableMap(read());
        }
        return resources;
    }

    private Map<String, byte[]> read() {
        Map<String, byte[]> models = new LinkedHashMap<>();
        try {
            for (String folder : MODEL_FOLDERS) {
                for (Resource root : resolver.getResources("classpath*:" + classpathRoot + folder + "/")) {
                    String rootUrl = root.getURL().toString();
                    for (Resource model : resolver.getResources(rootUrl + "**/" + SUFFIXES.get(folder))) {
                        String relative = model.getURL().toString().substring(rootUrl.length());
                        models.putIfAbsent(folder + "/" + relative, model.getContentAsByteArray());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models under " + MODEL_FOLDERS, e);
        }
        return models;
    }
}
