package com.collectiondesk.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The {@code postgres} profile is how Collection Desk runs for real (docker-compose uses it), so it refuses to start
 * with the development administrator password or unsubscribe secret that the embedded default only warns about.
 * The administrator bootstrap depends on this bean, so the check runs before the engine touches the database.
 */
@Component(ProductionSecretsCheck.BEAN)
class ProductionSecretsCheck {

    static final String BEAN = "productionSecretsCheck";

    ProductionSecretsCheck(Environment environment, AdminProperties admin, List<ProductionSecret> secrets) {
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (admin.usesDevelopmentPassword()) {
            missing.add("COLLECTION_ADMIN_PASSWORD (the administrator's password is the development default)");
        }
        secrets.stream().filter(ProductionSecret::lacksRealSecret).map(ProductionSecret::whatToSet).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The postgres profile does not start with development secrets; set "
                    + String.join(" and ", missing));
        }
    }
}
