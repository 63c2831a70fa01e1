package com.collectiondesk.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** All KPIs of a period, one row each (see {@link KpiRow}); definitions in docs/reports.md. */
@Component
class KpiReport {

    private final ReceivablesKpis receivables;
    private final CampaignKpis campaigns;
    private final RecoveryKpis recovery;
    private final BucketMovementKpis movements;

    KpiReport(ReceivablesKpis receivables, CampaignKpis campaigns, RecoveryKpis recovery, BucketMovementKpis movements) {
        this.receivables = receivables;
        this.campaigns = campaigns;
        this.recovery = recovery;
        this.movements = movements;
    }

    @Transactional(readOnly = true)
    ReportTable run(Period period) {
        List<KpiRow> rows = new ArrayList<>(receivables.compute(period));
        rows.addAll(campaigns.compute(period));
        rows.addAll(recovery.compute(period));
        rows.addAll(movements.compute(period));
        ReportTable.Builder table = ReportTable.named("kpis").parameter("from", period.from()).parameter("to", period.to())
                .columns(List.of("kpi", "currency", "group", "value", "unit", "numerator", "denominator"));
        rows.forEach(row -> table.row(row.asRow()));
        return table.build();
    }
}
