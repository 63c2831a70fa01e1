package com.collectiondesk.contact;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The simulation's debtors as the ERP would send them, in the ledger's CSV formats: many IANA zones given, zones
 * left for the import to derive from phone and country (US, AU, RU, BR, CA, MX without a zone; geographic and
 * toll-free numbers), opt-outs and ceased communication, one or two currencies, varied products, amounts and
 * days past due so the decisions pick every strategy. Seeded: the same seed gives the same portfolio.
 */
final class SimulatedPortfolio {

    /**
     * One debtor: {@code home} is where they really live (what the import cannot know for a derived zone), and
     * must be one of the zones the contact rules then take into account.
     */
    record Debtor(String customerId, String country, String language, String phone, String givenZone, ZoneId home,
                  boolean ceased, boolean smsOptOut, boolean emailOptOut, boolean voiceOptOut, List<Invoice> invoices) {

        boolean twoCurrencies() {
            return invoices.stream().map(Invoice::currency).distinct().count() > 1;
        }
    }

    record Invoice(String number, String contractId, String productType, LocalDate issued, LocalDate due,
                   String amount, String currency) {
    }

    /** A kind of debtor: country, how the phone looks, whether the ERP gives the zone, where they may live. */
    private record Kind(int weight, String country, String language, String phonePrefix, int phoneDigits,
                        boolean zoneGiven, List<String> homes) {
    }

    private static final List<String> US = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu");
    private static final List<Kind> KINDS = List.of(
            new Kind(20, "BG", "bg", "+35988", 7, true, List.of("Europe/Sofia")),
            new Kind(10, "BG", "bg", "+35987", 7, false, List.of("Europe/Sofia")),
            // the ERP names the zone: any IANA zone, each with its own daylight-saving rules
            new Kind(20, "BG", "en", "+35989", 7, true, List.of()),
            new Kind(8, "US", "en", null, 0, false, US),
            new Kind(5, "US", "en", "+1212", 7, false, List.of("America/New_York")),
            new Kind(3, "US", "en", "+1800", 7, false, US),
            new Kind(3, "US", "en", "+1312", 7, true, List.of("America/Chicago")),
            new Kind(5, "AU", "en", "+6189", 7, false, List.of("Australia/Perth")),
            new Kind(3, "AU", "en", null, 0, false, List.of("Australia/Sydney", "Australia/Perth", "Australia/Adelaide",
                    "Australia/Brisbane", "Australia/Darwin")),
            new Kind(4, "RU", "en", null, 0, false, List.of("Europe/Moscow", "Europe/Kaliningrad", "Asia/Yekaterinburg",
                    "Asia/Novosibirsk", "Asia/Vladivostok", "Asia/Kamchatka")),
            new Kind(3, "BR", "en", null, 0, false, List.of("America/Sao_Paulo", "America/Manaus", "America/Noronha",
                    "America/Rio_Branco")),
            new Kind(3, "CA", "en", null, 0, false, List.of("America/Toronto", "America/Vancouver", "America/Halifax",
                    "America/St_Johns", "America/Winnipeg")),
            new Kind(3, "MX", "en", null, 0, false, List.of("America/Mexico_City", "America/Tijuana", "America/Cancun")),
            new Kind(5, "DE", "de", "+4930", 8, false, List.of("Europe/Berlin")),
            new Kind(5, "GB", "en", "+44207", 7, false, List.of("Europe/London")));
    private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();
    private static final List<String> PRODUCTS = List.of("CONSUMER_LOAN", "CONSUMER_LOAN", "CONSUMER_LOAN", "MORTGAGE",
            "MORTGAGE", "CREDIT_CARD", "CREDIT_CARD", "B2B_INVOICE", "UTILITY", "TELECOM");
    private static final List<String> ZONES = ContactSchedules.ALL_ZONES.stream().map(ZoneId::getId)
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).toList();

    private final List<Debtor> debtors;

    private SimulatedPortfolio(List<Debtor> debtors) {
        this.debtors = debtors;
    }

    static SimulatedPortfolio generate(int count, long seed, LocalDate today) {
        Random random = new Random(seed);
        Set<String> phones = new HashSet<>();
        List<Debtor> debtors = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Kind kind = kind(random);
            String id = String.format("SIM-%05d", i);
            String phone = kind.phonePrefix() == null ? null : uniquePhone(random, kind, phones);
            String given = kind.zoneGiven() ? (kind.homes().isEmpty() ? ZONES.get(random.nextInt(ZONES.size())) : kind.homes().get(0)) : null;
            ZoneId home = ZoneId.of(given != null ? given : kind.homes().get(random.nextInt(kind.homes().size())));
            debtors.add(new Debtor(id, kind.country(), kind.language(), phone, given, home, random.nextInt(30) == 0,
                    random.nextInt(25) == 0, random.nextInt(25) == 0, random.nextInt(12) == 0, invoices(random, id, today)));
        }
        return new SimulatedPortfolio(debtors);
    }

    List<Debtor> debtors() {
        return debtors;
    }

    byte[] customersCsv() {
        StringBuilder csv = new StringBuilder("customer_id,name,phone,email,language,country,time_zone,address,"
                + "sms_opt_out,email_opt_out,voice_opt_out,ceased_communication\n");
        for (Debtor debtor : debtors) {
            csv.append(customerRow(debtor, debtor.ceased())).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The debtor's row again, now with communication ceased (the debtor asked the creditor to stop). */
    static byte[] ceasedCsv(List<Debtor> ceasing) {
        StringBuilder csv = new StringBuilder("customer_id,name,phone,email,language,country,time_zone,address,"
                + "sms_opt_out,email_opt_out,voice_opt_out,ceased_communication\n");
        ceasing.forEach(debtor -> csv.append(customerRow(debtor, true)).append('\n'));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String customerRow(Debtor debtor, boolean ceased) {
        return String.join(",", debtor.customerId(), "Debtor " + debtor.customerId(), nullToEmpty(debtor.phone()),
                debtor.customerId().toLowerCase() + "@example.com", debtor.language(), debtor.country(),
                nullToEmpty(debtor.givenZone()), "\"Street " + debtor.customerId() + ", Town\"", String.valueOf(debtor.smsOptOut()),
                String.valueOf(debtor.emailOptOut()), String.valueOf(debtor.voiceOptOut()), String.valueOf(ceased));
    }

    byte[] contractsCsv() {
        StringBuilder csv = new StringBuilder("contract_id,customer_id,product_type\n");
        for (Debtor debtor : debtors) {
            debtor.invoices().stream().map(invoice -> invoice.contractId() + "," + debtor.customerId() + "," + invoice.productType())
                    .distinct().forEach(row -> csv.append(row).append('\n'));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] invoicesCsv() {
        StringBuilder csv = new StringBuilder("invoice_number,customer_id,contract_id,issue_date,due_date,amount,currency\n");
        for (Debtor debtor : debtors) {
            for (Invoice invoice : debtor.invoices()) {
                csv.append(String.join(",", invoice.number(), debtor.customerId(), invoice.contractId(),
                        invoice.issued().toString(), invoice.due().toString(), invoice.amount(), invoice.currency())).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Kind kind(Random random) {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            pick -= kind.weight();
            if (pick < 0) {
                return kind;
            }
        }
        throw new IllegalStateException();
    }

    private static String uniquePhone(Random random, Kind kind, Set<String> taken) {
        while (true) {
            StringBuilder phone = new StringBuilder(kind.phonePrefix());
            // a local number's first digit is never 0 or 1
            phone.append(2 + random.nextInt(8));
            for (int digit = 1; digit < kind.phoneDigits(); digit++) {
                phone.append(random.nextInt(10));
            }
            if (taken.add(phone.toString())) {
                return phone.toString();
            }
        }
    }

    /**
     * One to three invoices on one contract; most already overdue (up to 150 days, so some debtors start HARD),
     * some falling due during the simulation; one debtor in seven also owes in a second currency (a second ticket).
     */
    private static List<Invoice> invoices(Random random, String id, LocalDate today) {
        String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        List<Invoice> invoices = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int n = 1; n <= count; n++) {
            invoices.add(invoice(random, id + "-" + n, id + "-K1", product, "EUR", today));
        }
        if (random.nextInt(7) == 0) {
            invoices.add(invoice(random, id + "-L", id + "-K2", "UTILITY", random.nextBoolean() ? "BGN" : "USD", today));
        }
        return invoices;
    }

    private static Invoice invoice(Random random, String number, String contract, String product, String currency, LocalDate today) {
        LocalDate due = random.nextInt(5) < 3 ? today.minusDays(1 + random.nextInt(150)) : today.plusDays(random.nextInt(45));
        LocalDate issued = due.minusDays(30).isAfter(today) ? today : due.minusDays(30);
        int cents = random.nextInt(3) == 0 ? 2_000 + random.nextInt(8_000) : 10_000 + random.nextInt(290_000);
        return new Invoice("INV-" + number, contract, product, issued, due, String.format("%d.%02d", cents / 100, cents % 100), currency);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
