package com.collectiondesk.worklist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** A collector's skills (languages, product types), availability and team lead. */
@Entity
@Table(name = "collector_profile")
class CollectorProfile {

    @Id
    @Column(name = "user_id")
    private String userId;
    private String languages;
    @Column(name = "product_types")
    private String productTypes;
    private boolean available;
    @Column(name = "team_lead")
    private String teamLead;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CollectorProfile() {
    }

    CollectorProfile(String userId) {
        this.userId = userId;
        this.available = true;
    }

    void update(Collection<String> languages, Collection<String> productTypes, boolean available, String teamLead, Instant now) {
        this.languages = join(languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList());
        this.productTypes = join(productTypes.stream().map(p -> p.strip().toUpperCase(Locale.ROOT)).toList());
        this.available = available;
        this.teamLead = teamLead;
        this.updatedAt = now;
    }

    boolean speaks(String language) {
        return language != null && getLanguages().contains(language.toLowerCase(Locale.ROOT));
    }

    boolean knows(String productType) {
        return productType != null && getProductTypes().contains(productType.toUpperCase(Locale.ROOT));
    }

    String getUserId() { return userId; }
    List<String> getLanguages() { return split(languages); }
    List<String> getProductTypes() { return split(productTypes); }
    boolean isAvailable() { return available; }
    String getTeamLead() { return teamLead; }

    private static String join(List<String> values) {
        return String.join(",", values.stream().filter(v -> !v.isEmpty()).distinct().toList());
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
