package com.collectiondesk.security.expressions;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which engine REST calls the expression guard inspects, on the engine REST API (default engine or
 * {@code /engine/{name}}) and on the webapps' own engine API ({@code {app}/api/engine/engine/{name}}).
 */
enum GuardedQuery {

    /** An ad-hoc task or history query (or the extending query of a saved filter): no expression at all. */
    AD_HOC,
    /** A filter being saved: only the expressions Tasklist itself offers. */
    SAVED_FILTER;

    private static final Pattern AD_HOC_PATHS = Pattern.compile(
            "(task|history/task|history/process-instance)(/count)?|filter/[^/]+/(list|count|singleresult)");
    private static final Pattern FILTER_CREATE = Pattern.compile("filter/create");
    private static final Pattern FILTER_UPDATE = Pattern.compile("filter/[^/]+");

    /**
     * @param path   the decoded path within the application, without path parameters
     * @param method the HTTP method
     */
    static Optional<GuardedQuery> of(String path, String method, String webappPath) {
        String normalised = path.replaceAll("/{2,}", "/").replaceAll("/$", "").toLowerCase(Locale.ROOT);
        Optional<String> resource = resourceUnderEngineBase(normalised, webappPath.toLowerCase(Locale.ROOT));
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        String rest = resource.get();
        if (FILTER_CREATE.matcher(rest).matches()
                || ("PUT".equalsIgnoreCase(method) && FILTER_UPDATE.matcher(rest).matches())) {
            return Optional.of(SAVED_FILTER);
        }
        return AD_HOC_PATHS.matcher(rest).matches() ? Optional.of(AD_HOC) : Optional.empty();
    }

    /** The engine a path of the webapps' own engine API addresses, e.g. "default". */
    static Optional<String> webappEngineName(String path, String webappPath) {
        String prefix = webappPath + "/api/engine/engine/";
        String normalised = path.replaceAll("/{2,}", "/");
        if (!normalised.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String nameAndRest = normalised.substring(prefix.length());
        int slash = nameAndRest.indexOf('/');
        return Optional.of(slash < 0 ? nameAndRest : nameAndRest.substring(0, slash));
    }

    private static Optional<String> resourceUnderEngineBase(String path, String webappPath) {
        String engineRest = "/engine-rest/";
        if (path.startsWith(engineRest)) {
            String rest = path.substring(engineRest.length());
            return Optional.of(rest.startsWith("engine/") ? afterEngineName(rest.substring("engine/".length())) : rest);
        }
        String webappEngine = webappPath + "/api/engine/engine/";
        if (path.startsWith(webappEngine)) {
            return Optional.of(afterEngineName(path.substring(webappEngine.length())));
        }
        return Optional.empty();
    }

    private static String afterEngineName(String nameAndRest) {
        int slash = nameAndRest.indexOf('/');
        return slash < 0 ? "" : nameAndRest.substring(slash + 1);
    }
}
