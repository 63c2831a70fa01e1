package com.collectiondesk.ledger;

import com.collectiondesk.support.IntegrationTest;

/** The ledger scenarios on H2, the embedded default. */
@IntegrationTest
class LedgerH2Test extends AbstractLedgerTest {
}
