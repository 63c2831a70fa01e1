package com.collectiondesk.security;

import java.util.List;

/** The Camunda groups Collection Desk's roles map to. */
public final class Groups {

    public static final String COLLECTORS = "collectors";
    public static final String DISPUTES = "disputes";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    public static final String ERP_INTEGRATION = "erp-integration";
    /** Prometheus and other scrapers of {@code /actuator/prometheus}; no engine or webapp permissions. */
    public static final String MONITORING = "monitoring";
    /** Camunda's own administrators group; its members may do everything. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(COLLECTORS, DISPUTES, MANAGERS, ANALYSTS, ERP_INTEGRATION, MONITORING, CAMUNDA_ADMIN);

    private Groups() {
    }

    static String displayName(String groupId) {
        return switch (groupId) {
            case COLLECTORS -> "Collectors";
            case DISPUTES -> "Dispute handlers";
            case MANAGERS -> "Managers and team leads";
            case ANALYSTS -> "Business analysts";
            case ERP_INTEGRATION -> "ERP integration";
            case MONITORING -> "Monitoring (metrics scrapers)";
            case CAMUNDA_ADMIN -> "Camunda administrators";
            default -> groupId;
        };
    }
}
