package com.collectiondesk.outreach;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe tokens: the customer's id and an expiry, signed with HMAC-SHA256 under
 * {@code COLLECTION_UNSUBSCRIBE_SECRET}. Nothing personal is in the token, only our internal id.
 */
@Component
class UnsubscribeTokens {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);
    private final byte[] secret;
    private final Duration validity;

    UnsubscribeTokens(UnsubscribeSettings settings) {
        if (settings.usesDevelopmentSecret()) {
            log.warn("collection.unsubscribe.secret is the development default: set COLLECTION_UNSUBSCRIBE_SECRET in every real installation");
        }
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        this.validity = settings.validity();
    }

    String issue(long customerId, Instant now) {
        ByteBuffer payload = ByteBuffer.allocate(16).putLong(customerId).putLong(now.plus(validity).getEpochSecond());
        byte[] body = payload.array();
        return encode(body) + "." + encode(sign(body));
    }

    /** The customer id if the signature holds and the token has not expired. */
    Optional<Long> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (body.length != 16 || !MessageDigest.isEqual(sign(body), signature)) {
                return Optional.empty();
            }
            ByteBuffer payload = ByteBuffer.wrap(body);
            long customerId = payload.getLong();
            long expires = payload.getLong();
            return now.getEpochSecond() <= expires ? Optional.of(customerId) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
