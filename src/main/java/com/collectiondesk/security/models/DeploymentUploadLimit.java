package com.collectiondesk.security.models;

import com.collectiondesk.security.ProblemResponses;
import com.collectiondesk.security.expressions.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a deployment upload larger than a deployment may be before the engine REST API reads it into
 * memory; the {@link ModelGuard} checks each resource and the sum again once they are read. A declared
 * length is refused at once; a chunked body is read up to the limit and replayed when it fits.
 */
class DeploymentUploadLimit extends OncePerRequestFilter {

    /** Room for the multipart framing around the resources (boundaries, part headers, the deployment name). */
    static final long MULTIPART_ALLOWANCE = 64 * 1024;
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final Pattern deploymentCreate;
    private final long maxDeploymentBytes;

    DeploymentUploadLimit(String webappPath, long maxDeploymentBytes) {
        this.deploymentCreate = Pattern.compile("(/engine-rest|" + Pattern.quote(webappPath) + "/api/engine)(/engine/[^/]+)?/deployment/create/?");
        this.maxDeploymentBytes = maxDeploymentBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !deploymentCreate.matcher(PATHS.getPathWithinApplication(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = maxDeploymentBytes + MULTIPART_ALLOWANCE;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(response, "The upload is " + length + " bytes");
            return;
        }
        if (length >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(Math.toIntExact(limit + 1));
        }
        if (body.length > limit) {
            refuse(response, "The upload is more than " + limit + " bytes");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response, String size) throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "Deployment refused", size
                + "; a deployment may have at most " + maxDeploymentBytes + " bytes (collection.models.max-deployment-bytes).");
    }
}
