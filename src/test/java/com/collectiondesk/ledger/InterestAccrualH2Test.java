package com.collectiondesk.ledger;

import com.collectiondesk.support.IntegrationTest;

/** The interest fixture on H2, the embedded default. */
@IntegrationTest
class InterestAccrualH2Test extends AbstractInterestAccrualTest {
}
