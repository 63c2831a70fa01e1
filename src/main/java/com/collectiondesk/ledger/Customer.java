package com.collectiondesk.ledger;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A debtor as the ERP knows it, identified by the ERP's own {@code customerId}. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    private String name;
    /** The name as searches compare it ({@link DebtorSearchText}); written with every name. */
    @Column(name = "search_name")
    private String searchName;
    /** The words of {@code searchName}, the index a name search reads (word prefixes, see {@link DebtorSearch}). */
    @ElementCollection
    @CollectionTable(name = "customer_search_word", joinColumns = @JoinColumn(name = "customer_fk"))
    @Column(name = "word")
    private Set<String> searchWords = new HashSet<>();
    /** E.164, or null when the ERP has no phone number. */
    private String phone;
    private String email;
    /** The e-mail as searches compare it (lower case); written with every e-mail. */
    @Column(name = "search_email")
    private String searchEmail;
    /** BCP 47 language tag, e.g. {@code bg} or {@code en-GB}. */
    private String language;
    /** ISO 3166-1 alpha-2. */
    private String country;
    /** IANA zone id; derived from the phone number or the country when the ERP sends none. */
    @Column(name = "time_zone")
    private String timeZone;
    /** True when the import derived {@code timeZone} (the ERP sent none); null for debtors imported before V47. */
    @Column(name = "time_zone_derived")
    private Boolean timeZoneDerived;
    /** When derived: every zone the phone and country allow, comma-separated (see {@link ContactZones}). */
    @Column(name = "contact_zones")
    private String contactZones;
    private String address;
    @Column(name = "sms_opt_out")
    private boolean smsOptOut;
    @Column(name = "email_opt_out")
    private boolean emailOptOut;
    @Column(name = "voice_opt_out")
    private boolean voiceOptOut;
    /** The debtor's own STOP reply; kept apart from the ERP's flag so an import never undoes it. */
    @Column(name = "sms_stopped_at")
    private Instant smsStoppedAt;
    /** The debtor's own click on the unsubscribe link; kept apart from the ERP's flag likewise. */
    @Column(name = "email_unsubscribed_at")
    private Instant emailUnsubscribedAt;
    /** Set when the debtor asked us to stop all communication; no automated contact may follow. */
    @Column(name = "ceased_communication")
    private boolean ceasedCommunication;
    @Column(name = "risk_score")
    private Integer riskScore;
    /** Consumer or business (the ERP's optional column; consumer until it says otherwise): interest rules differ. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "debtor_kind", nullable = false)
    private DebtorKind debtorKind = DebtorKind.CONSUMER;
    /** The company of the group this debtor owes (its contracts and invoices are that entity's). */
    @Column(name = "legal_entity", nullable = false)
    private String legalEntity = LegalEntities.DEFAULT;
    /** The ERP's credit limit (null: it has not said); module credit suggests and approves changes to it. */
    @Column(name = "credit_limit")
    private java.math.BigDecimal creditLimit;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Customer() {
    }

    Customer(String customerId) {
        this.customerId = customerId;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getCustomerId() { return customerId; }
    public String getName() { return name; }
    void setName(String name) {
        if (!Objects.equals(name, this.name)) {
            searchWords.clear();
            searchWords.addAll(DebtorSearchText.words(name));
        }
        this.name = name;
        this.searchName = DebtorSearchText.normalize(name);
    }
    public String getPhone() { return phone; }
    void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    void setEmail(String email) {
        this.email = email;
        this.searchEmail = email == null ? null : email.toLowerCase(Locale.ROOT);
    }
    public String getLanguage() { return language; }
    void setLanguage(String language) { this.language = language; }
    public String getCountry() { return country; }
    void setCountry(String country) { this.country = country; }
    public String getTimeZone() { return timeZone; }
    /** The debtor's own time zone: contact hours, step times and task due dates follow it (never empty: the import fills it). */
    public ZoneId zone() { return ZoneId.of(timeZone); }
    void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public Boolean getTimeZoneDerived() { return timeZoneDerived; }

    /** Whether the ERP gave the zone or the import derived it, and then every zone the debtor may be in. */
    void setZoneOrigin(boolean derived, List<String> candidates) {
        this.timeZoneDerived = derived;
        this.contactZones = derived ? String.join(",", candidates) : null;
    }

    /**
     * The zones whose local hours all apply to a contact: the given zone alone, or every candidate of a derived
     * one. A debtor imported before V47 counts as derived when the stored zone is the one the import guessed then.
     */
    public List<ZoneId> contactZones() {
        boolean derived = timeZoneDerived != null ? timeZoneDerived : timeZone.equals(ContactZones.firstGuess(phone, country));
        List<String> candidates = !derived ? List.of()
                : contactZones != null ? List.of(contactZones.split(",")) : ContactZones.candidates(phone, country);
        if (candidates.isEmpty()) {
            return List.of(zone());
        }
        return candidates.stream().filter(ZoneId.getAvailableZoneIds()::contains).map(ZoneId::of).toList();
    }
    public String getAddress() { return address; }
    void setAddress(String address) { this.address = address; }
    /** A STOP reply: the first one counts, later ones change nothing. */
    void stopSms(Instant at) {
        if (smsStoppedAt == null) {
            smsStoppedAt = at;
        }
    }

    void unsubscribeEmail(Instant at) {
        if (emailUnsubscribedAt == null) {
            emailUnsubscribedAt = at;
        }
    }

    /** No SMS: the ERP says so, or the debtor replied STOP. */
    public boolean refusesSms() {
        return refuses(smsOptOut, smsStoppedAt);
    }

    /** No e-mail: the ERP says so, or the debtor unsubscribed. */
    public boolean refusesEmail() {
        return refuses(emailOptOut, emailUnsubscribedAt);
    }

    /** A channel is refused when the ERP's flag says so or the debtor opted out themselves. */
    static boolean refuses(boolean erpOptOut, Instant debtorsOwnOptOut) {
        return erpOptOut || debtorsOwnOptOut != null;
    }

    public boolean isSmsOptOut() { return smsOptOut; }
    void setSmsOptOut(boolean smsOptOut) { this.smsOptOut = smsOptOut; }
    public boolean isEmailOptOut() { return emailOptOut; }
    void setEmailOptOut(boolean emailOptOut) { this.emailOptOut = emailOptOut; }
    public boolean isVoiceOptOut() { return voiceOptOut; }
    void setVoiceOptOut(boolean voiceOptOut) { this.voiceOptOut = voiceOptOut; }
    public Instant getSmsStoppedAt() { return smsStoppedAt; }
    public Instant getEmailUnsubscribedAt() { return emailUnsubscribedAt; }
    public boolean isCeasedCommunication() { return ceasedCommunication; }
    void setCeasedCommunication(boolean ceasedCommunication) { this.ceasedCommunication = ceasedCommunication; }
    public Integer getRiskScore() { return riskScore; }
    void setRiskScore(Integer riskScore) { this.riskScore = riskScore; }
    public DebtorKind getDebtorKind() { return debtorKind; }
    void setDebtorKind(DebtorKind debtorKind) { this.debtorKind = debtorKind; }
    public String getLegalEntity() { return legalEntity; }
    void setLegalEntity(String legalEntity) { this.legalEntity = legalEntity; }
    public java.math.BigDecimal getCreditLimit() { return creditLimit; }
    void setCreditLimit(java.math.BigDecimal creditLimit) { this.creditLimit = creditLimit; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
