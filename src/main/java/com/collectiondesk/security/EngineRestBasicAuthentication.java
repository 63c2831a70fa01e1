package com.collectiondesk.security;

import com.collectiondesk.security.edge.PasswordAccepted;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/** Camunda's HTTP Basic for the engine REST API, telling the login throttle when the password was right. */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (result.isAuthenticated()) {
            PasswordAccepted.mark(request);
        }
        return result;
    }
}
