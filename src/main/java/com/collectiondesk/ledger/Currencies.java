package com.collectiondesk.ledger;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which ISO 4217 codes an invoice or payment may be in. The JDK's list (kept current with each JDK update)
 * also holds codes nobody pays in: precious metals, SDR and bond-market units, the testing and "no currency"
 * codes, funds codes, and codes ISO has withdrawn; those are refused by name. A code the JDK does not know is
 * not ISO 4217 at all. Chosen over a dependency: nv-i18n, the usual Maven candidate, has had no release since
 * 2021 and lists withdrawn codes as well, so the explicit sets below would be needed either way.
 */
final class Currencies {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    /** Not money one can owe: metals, the IMF's SDR, European bond-market units, ADB unit, testing, "no currency". */
    private static final Set<String> NOT_MONEY = Set.of("XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC",
            "XBD", "XSU", "XUA", "XFO", "XFU", "XTS", "XXX");
    /** ISO 4217 funds codes: units of account beside a country's currency (e.g. Bolivian Mvdol), never invoiced. */
    private static final Set<String> FUNDS = Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI",
            "UYW");
    /**
     * Withdrawn codes the JDK still lists (euro changeovers, redenominations, ANG replaced by XCG in 2025, ZWL by
     * ZWG in 2024, SLL by SLE). BGN is deliberately not here: Bulgarian debts issued before the 2026 changeover
     * are still collected in it.
     */
    private static final Set<String> WITHDRAWN = Set.of("ADP", "AFA", "ANG", "ATS", "AYM", "AZM", "BEF", "BGL",
            "BYB", "BYR", "CSD", "CUC", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP",
            "ITL", "LTL", "LUF", "LVL", "MGF", "MRO", "MTL", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK",
            "SLL", "SRG", "STD", "TMM", "TPE", "TRL", "VEB", "VEF", "YUM", "ZMK", "ZWD", "ZWL", "ZWN", "ZWR");

    private Currencies() {
    }

    /** Why the code may not be used, or empty when it is an active currency (case does not matter). */
    static Optional<String> refusal(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(value).matches() || !isKnown(code)) {
            return Optional.of(Quoted.of(value) + " is not an ISO 4217 currency code");
        }
        if (NOT_MONEY.contains(code)) {
            return Optional.of("'" + code + "' is not a currency one can owe (precious metal, SDR, bond-market unit or testing code)");
        }
        if (FUNDS.contains(code)) {
            return Optional.of("'" + code + "' is an ISO 4217 funds code, not a currency of payment");
        }
        if (WITHDRAWN.contains(code)) {
            return Optional.of("'" + code + "' is withdrawn from ISO 4217");
        }
        return Optional.empty();
    }

    private static boolean isKnown(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
