package com.collectiondesk.security.edge;

import com.collectiondesk.system.PublicAddress;
import jakarta.servlet.Filter;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP edge, in the order a request meets it: security headers on every answer; then, for the two APIs, the
 * cross-site check, the content-type check, the body cap and the login throttle, all before the authentication
 * filters (order +20) check a password; after them, the administrator-only doors.
 */
@Configuration
class HttpEdgeConfiguration {

    private static final String[] APIS = {"/api/*", "/engine-rest/*"};

    private final String webappPath;

    /** The webapps' path as Camunda's own {@code camunda.bpm.webapp.application-path} binding holds it. */
    HttpEdgeConfiguration(CamundaBpmProperties camunda) {
        this.webappPath = camunda.getWebapp().getApplicationPath();
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        return register(new SecurityHeadersFilter(webappPath), "collection-security-headers", 1, "/*");
    }

    @Bean
    FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard(PublicAddress publicAddress) {
        return register(new CrossSiteRequestGuard(publicAddress.baseUrl()), "collection-cross-site-guard", 5, APIS);
    }

    @Bean
    FilterRegistrationBean<ContentTypeGuard> contentTypeGuard() {
        return register(new ContentTypeGuard(), "collection-content-type-guard", 6, APIS);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(BodyLimits limits) {
        // the webapps' engine API too: the expression guard reads its query bodies into memory
        return register(new BodySizeLimitFilter(limits), "collection-body-size-limit", 8, APIS[0], APIS[1],
                webappPath + "/api/engine/*");
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottleSettings settings) {
        LoginThrottleFilter filter = new LoginThrottleFilter(new LoginThrottle(settings, Clock.systemUTC()), webappPath);
        return register(filter, "collection-login-throttle", 10, APIS[0], APIS[1], webappPath + "/api/admin/auth/user/*",
                "/actuator/*");
    }

    @Bean
    FilterRegistrationBean<AdministratorOnlyGuard> administratorOnlyGuard(ProcessEngine engine) {
        AdministratorOnlyGuard guard = new AdministratorOnlyGuard(new Administrators(engine), webappPath);
        return register(guard, "collection-administrator-only", 30, "/engine-rest/*", webappPath + "/api/admin/setup/*");
    }

    private static <F extends Filter> FilterRegistrationBean<F> register(F filter, String name, int order, String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
        return registration;
    }
}
