package com.collectiondesk.risk;

import com.collectiondesk.risk.ScoreCard.Part;
import com.collectiondesk.ticket.DebtorRiskScores;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the stored behavioural scores; it is the ticket's source of the segment decision's {@code riskScore}. */
@Service
@Transactional(readOnly = true)
public class RiskScores implements DebtorRiskScores {

    public static final String DAYS_LATE = "days late", TREND = "trend", LATE_SHARE = "paid late",
            CURRENT_DPD = "current DPD", OVERDUE_SHARE = "overdue share", BROKEN = "broken promises",
            KEPT = "kept promises", DISPUTES = "disputes upheld", RELAPSES = "cured then relapsed", TENURE = "tenure";

    private final JdbcTemplate jdbc;

    RiskScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScoreCard> card(Long customerPk) {
        return jdbc.query("select * from risk_score where customer_fk = ?", (rs, row) -> card(rs), customerPk)
                .stream().findFirst();
    }

    @Override
    public Optional<Scored> of(Long customerPk) {
        return card(customerPk).map(card -> new Scored(card.score(), card.explain()));
    }

    @Override
    public Map<Long, Integer> scores() {
        Map<Long, Integer> scores = new HashMap<>();
        jdbc.query("select customer_fk, score from risk_score", rs -> {
            scores.put(rs.getLong("customer_fk"), rs.getInt("score"));
        });
        return scores;
    }

    private static ScoreCard card(ResultSet rs) throws SQLException {
        int paid = rs.getInt("paid_12m");
        List<Part> parts = List.of(
                new Part(DAYS_LATE, "average " + ScoreCard.days(rs.getBigDecimal("avg_days_late_12m")) + " over " + paid
                        + " invoices paid in 12 months", rs.getInt("points_days_late")),
                new Part(TREND, "6 months " + ScoreCard.days(rs.getBigDecimal("avg_days_late_6m")) + " over "
                        + rs.getInt("paid_6m") + " invoices", rs.getInt("points_trend")),
                new Part(LATE_SHARE, rs.getInt("paid_late_12m") + " of " + paid, rs.getInt("points_late_share")),
                new Part(CURRENT_DPD, rs.getInt("current_dpd") + " days", rs.getInt("points_dpd")),
                new Part(OVERDUE_SHARE, rs.getBigDecimal("overdue_amount").toPlainString() + " of "
                        + rs.getBigDecimal("exposure").toPlainString() + " open", rs.getInt("points_overdue")),
                new Part(BROKEN, String.valueOf(rs.getInt("broken_promises")), rs.getInt("points_broken")),
                new Part(KEPT, String.valueOf(rs.getInt("kept_promises")), -rs.getInt("points_kept")),
                new Part(DISPUTES, String.valueOf(rs.getInt("disputes_upheld")), -rs.getInt("points_disputes")),
                new Part(RELAPSES, String.valueOf(rs.getInt("relapses")), rs.getInt("points_relapses")),
                new Part(TENURE, rs.getInt("tenure_days") + " days", rs.getInt("points_tenure")));
        return new ScoreCard(rs.getLong("customer_fk"), rs.getInt("score"), rs.getString("score_version"),
                rs.getDate("as_of").toLocalDate(), parts);
    }
}
