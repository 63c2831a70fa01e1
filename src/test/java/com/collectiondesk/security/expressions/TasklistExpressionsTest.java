package com.collectiondesk.security.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TasklistExpressionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "${currentUser()}",
            "${currentUserGroups()}",
            "${now()}",
            "${dateTime()}",
            "${dateTime().toDate()}",
            "${dateTime().plusDays(1).toDate()}",
            "${dateTime().minusMonths(3).withTimeAtStartOfDay().plusMillis(-5).toDate()}",
            "${dateTime().plusYears(1).plusWeeks(2).plusHours(3).plusMinutes(4).plusSeconds(5)}",
    })
    void acceptsWhatTasklistOffers(String expression) {
        assertThat(TasklistExpressions.isAllowed(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution}",
            "${T(java.lang.Runtime).getRuntime().exec('id')}",
            "${currentUser().getClass()}",
            "${currentUser()}${execution}",
            "#{currentUser()}",
            "${now().getClass().forName('java.lang.Runtime')}",
            "${dateTime().plusDays(x)}",
            "${dateTime().toDate().toDate()}",
            "${dateTime().toDate().plusDays(1)}",
            "${dateTime().plusDays(1.5)}",
            "${ currentUser() }",
            "currentUser()",
            "",
    })
    void refusesEverythingElse(String expression) {
        assertThat(TasklistExpressions.isAllowed(expression)).isFalse();
    }
}
