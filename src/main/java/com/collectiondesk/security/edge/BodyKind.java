package com.collectiondesk.security.edge;

import java.util.regex.Pattern;

/**
 * What a request body on {@code /api}, {@code /engine-rest} or the webapps' engine API is for, by path: the kind decides its size cap and
 * whether it may be a multipart upload. Everything that is neither a CSV import nor an engine upload is JSON.
 */
enum BodyKind {

    CSV_IMPORT,
    /** Engine REST uploads: deployments, and the binary variable and attachment uploads. */
    DEPLOYMENT,
    JSON;

    private static final Pattern IMPORT = Pattern.compile("/api/imports/[^/]+/?");
    /** On the engine REST API, and on the webapps' own engine API ({@code /camunda/api/engine/engine/{name}/…}). */
    private static final Pattern ENGINE_UPLOAD = Pattern.compile("(/engine-rest(/engine/[^/]+)?|.*/api/engine/engine/[^/]+)/("
            + "deployment/create"
            + "|[^/]+/[^/]+/(variables|localVariables)/[^/]+/data"
            + "|task/[^/]+/attachment/create)/?");

    static BodyKind of(String path) {
        if (IMPORT.matcher(path).matches()) {
            return CSV_IMPORT;
        }
        return ENGINE_UPLOAD.matcher(path).matches() ? DEPLOYMENT : JSON;
    }

    boolean acceptsMultipart() {
        return this != JSON;
    }
}
