package com.collectiondesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link AllowedGroups} on API handlers, answering 403 problem+json. */
class AllowedGroupsInterceptor implements HandlerInterceptor {

    private final CurrentUser currentUser;

    AllowedGroupsInterceptor(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        AllowedGroups allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedGroups.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedGroups.class);
        }
        if (allowed == null || currentUser.isMemberOfAny(allowed.value())) {
            return true;
        }
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "This call is reserved to the groups " + String.join(", ", allowed.value()) + ".");
        return false;
    }
}
