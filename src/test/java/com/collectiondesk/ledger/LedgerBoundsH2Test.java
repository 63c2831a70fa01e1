package com.collectiondesk.ledger;

import com.collectiondesk.support.IntegrationTest;

/** The ledger's bounds on H2, the embedded default. */
@IntegrationTest
class LedgerBoundsH2Test extends AbstractLedgerBoundsTest {
}
