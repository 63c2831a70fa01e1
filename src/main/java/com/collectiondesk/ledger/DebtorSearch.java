package com.collectiondesk.ledger;

import com.collectiondesk.ledger.LedgerQueries.DebtorHit;
import com.collectiondesk.ledger.LedgerQueries.DebtorHits;
import com.collectiondesk.ledger.LedgerQueries.Money;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds debtors by one term: part of the name (as {@link DebtorSearchText} compares it), a phone number in any
 * format (read as E.164 with the debtors' countries as the home region), the e-mail, the customer id or an
 * invoice number; callers may add debtors they found themselves (a ticket number).
 */
@Component
class DebtorSearch {

    /** What a typed phone number may contain; a term with fewer digits is no phone. */
    private static final Pattern PHONE_LIKE = Pattern.compile("^[+(]?[0-9][0-9 ()./-]{4,30}$");
    /** Never a stored phone or e-mail: keeps {@code in (…)} valid when the term is no phone. */
    private static final String NO_MATCH = "-";

    private static final String MATCHES = """
            from customer c
            where c.search_name like :name escape '!'
               or c.phone in (:phones)
               or lower(c.email) = :email
               or c.customer_id = :term
               or c.id in (select i.customer_fk from invoice i where i.invoice_number = :term)
               or c.id in (:alsoPks)""";
    private static final String PAGE = "select c.id, c.customer_id, c.name, c.phone, c.email, c.country, c.time_zone "
            + MATCHES + " order by c.search_name, c.customer_id offset :offset rows fetch next :size rows only";
    private static final String COUNT = "select count(*) " + MATCHES;
    private static final String OVERDUE = """
            select customer_fk, currency, sum(open_amount) as overdue from invoice
            where customer_fk in (:pks) and open_amount > 0 and due_date < :asOf
            group by customer_fk, currency order by customer_fk, currency""";
    private static final String COUNTRIES = "select distinct country from customer";

    private final NamedParameterJdbcTemplate jdbc;

    DebtorSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    DebtorHits find(String term, Collection<Long> alsoPks, LocalDate asOf, int page, int size) {
        String trimmed = term.strip();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("name", "%" + escapeLike(DebtorSearchText.normalize(trimmed)) + "%")
                .addValue("phones", orNoMatch(phoneCandidates(trimmed)))
                .addValue("email", trimmed.toLowerCase(Locale.ROOT))
                .addValue("term", trimmed)
                .addValue("alsoPks", alsoPks.isEmpty() ? List.of(-1L) : alsoPks)
                .addValue("offset", (long) page * size)
                .addValue("size", size);
        Long total = jdbc.queryForObject(COUNT, params, Long.class);
        List<Row> rows = jdbc.query(PAGE, params, (rs, n) -> new Row(rs.getLong("id"), rs.getString("customer_id"),
                rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getString("country"),
                rs.getString("time_zone")));
        Map<Long, List<Money>> overdue = overdueOf(rows.stream().map(Row::pk).toList(), asOf);
        return new DebtorHits(rows.stream().map(row -> new DebtorHit(row.pk(), row.customerId(), row.name(), row.phone(),
                row.email(), row.country(), row.timeZone(), overdue.getOrDefault(row.pk(), List.of()))).toList(),
                total == null ? 0 : total);
    }

    /** The E.164 numbers a typed phone may mean: international as typed, national in any debtor's country. */
    List<String> phoneCandidates(String term) {
        if (!PHONE_LIKE.matcher(term).matches()) {
            return List.of();
        }
        String typed = term.startsWith("00") ? "+" + term.substring(2) : term;
        Set<String> regions = typed.startsWith("+") ? Set.of("ZZ") : countries();
        Set<String> numbers = new TreeSet<>();
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String region : regions) {
            try {
                PhoneNumber number = util.parse(typed, region);
                if (util.isValidNumber(number)) {
                    numbers.add(util.format(number, PhoneNumberFormat.E164));
                }
            } catch (NumberParseException notInThisRegion) {
                // the next region may read it
            }
        }
        return List.copyOf(numbers);
    }

    private Set<String> countries() {
        return new TreeSet<>(jdbc.queryForList(COUNTRIES, Map.of(), String.class));
    }

    private Map<Long, List<Money>> overdueOf(List<Long> pks, LocalDate asOf) {
        Map<Long, List<Money>> byCustomer = new HashMap<>();
        if (pks.isEmpty()) {
            return byCustomer;
        }
        jdbc.query(OVERDUE, new MapSqlParameterSource("pks", pks).addValue("asOf", Date.valueOf(asOf)), rs -> {
            byCustomer.computeIfAbsent(rs.getLong("customer_fk"), pk -> new ArrayList<>())
                    .add(new Money(rs.getString("currency"), rs.getBigDecimal("overdue")));
        });
        return byCustomer;
    }

    private static List<String> orNoMatch(List<String> values) {
        return values.isEmpty() ? List.of(NO_MATCH) : values;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private record Row(Long pk, String customerId, String name, String phone, String email, String country,
                       String timeZone) {
    }
}
