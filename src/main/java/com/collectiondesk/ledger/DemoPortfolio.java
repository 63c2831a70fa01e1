package com.collectiondesk.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: a small portfolio (customers in en/ro/bg/de, several product types, invoices at
 * various days past due, a few payments) from {@code demo/*.csv}, through the same import as the ERP's
 * files. Natural ids make it idempotent: every later start reports all rows unchanged.
 */
@Component
@Profile("demo")
class DemoPortfolio implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);
    private static final List<RecordKind> ORDER = List.of(RecordKind.CUSTOMERS, RecordKind.CONTRACTS,
            RecordKind.INVOICES, RecordKind.PAYMENTS);

    private final CsvImport csvImport;

    DemoPortfolio(CsvImport csvImport) {
        this.csvImport = csvImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    List<ImportResult> load() {
        return ORDER.stream().map(kind -> {
            String file = "demo/" + kind.name().toLowerCase(Locale.ROOT) + ".csv";
            ImportResult result = csvImport.importCsv(kind, read(file));
            log.info("Demo portfolio {}: {} stored, {} unchanged, {} rejected", file, result.accepted(), result.unchanged(),
                    result.rejected().size());
            return result;
        }).toList();
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Demo portfolio file " + file + " is missing", e);
        }
    }
}
