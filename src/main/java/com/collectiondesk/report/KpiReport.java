package com.collectiondesk.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** All KPIs of a period, one row each (see {@link KpiRow}); definitions in the README, "Reports and dashboard". */
@Component
class KpiReport {

    private final ReceivablesKpis receivables;
    private final CampaignKpis campaigns;
    private final RecoveryKpis recovery;
    private final BucketMovementKpis movements;
    private final SelfServiceKpis selfService;

    KpiReport(ReceivablesKpis receivables, CampaignKpis campaigns, RecoveryKpis recovery, BucketMovementKpis movements,
              SelfServiceKpis selfService) {
        this.selfService = selfService;
        this.receivables = receivables;
        this.campaigns = campaigns;
        this.recovery = recovery;
        this.movements = movements;
    }

    private final Executor workers = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "kpi-report");
        thread.setDaemon(true);
        return thread;
    });

    private static List<KpiRow> join(CompletableFuture<List<KpiRow>> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The four groups read different tables, so they run side by side, each on its own connection. */
    ReportTable run(Period period, EntityFilter.Coverage coverage) {
        CompletableFuture<List<KpiRow>> fromLedger = CompletableFuture.supplyAsync(() -> receivables.compute(period, coverage), workers);
        CompletableFuture<List<KpiRow>> fromCampaigns = CompletableFuture.supplyAsync(() -> campaigns.compute(period, coverage), workers);
        CompletableFuture<List<KpiRow>> fromSnapshots = CompletableFuture.supplyAsync(() -> movements.compute(period, coverage), workers);
        List<KpiRow> fromClosures = recovery.compute(period, coverage);
        List<KpiRow> rows = new ArrayList<>(join(fromLedger));
        rows.addAll(join(fromCampaigns));
        rows.addAll(fromClosures);
        rows.addAll(join(fromSnapshots));
        rows.addAll(selfService.compute(period, coverage));
        ReportTable.Builder table = ReportTable.named("kpis").parameter("from", period.from()).parameter("to", period.to())
                .parameter("legalEntity", coverage.describe())
                .columns(List.of("kpi", "currency", "group", "value", "unit", "numerator", "denominator"));
        rows.forEach(row -> table.row(row.asRow()));
        return table.build();
    }
}
