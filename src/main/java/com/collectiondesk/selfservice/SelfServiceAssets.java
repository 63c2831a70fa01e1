package com.collectiondesk.selfservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's one stylesheet (the same for every debtor, so it may be cached), and the registration of the public
 * pages' guard on {@code /s/*}.
 */
@RestController
class SelfServiceAssets {

    static final String PATH = "/s/assets/";
    private static final byte[] STYLESHEET = read("selfservice/page.css");

    @GetMapping(PATH + "page.css")
    ResponseEntity<byte[]> stylesheet() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .header("Content-Type", "text/css;charset=UTF-8").body(STYLESHEET);
    }

    /** After the security headers (order 1), before anything reads a request body or a password. */
    @Bean
    static FilterRegistrationBean<PublicPageGuard> selfServicePageGuard(SelfServiceSettings settings,
                                                                         com.collectiondesk.outreach.OutreachSettings outreach) {
        FilterRegistrationBean<PublicPageGuard> registration = new FilterRegistrationBean<>(new PublicPageGuard(settings,
                outreach.companyName()));
        registration.setName("self-service-page-guard");
        registration.addUrlPatterns(SelfServiceLinks.PAGE_PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + path, e);
        }
    }
}
