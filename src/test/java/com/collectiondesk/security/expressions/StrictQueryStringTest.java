package com.collectiondesk.security.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictQueryStringTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ren%C3%A9+M%c3%bcller      | René Müller",
            "assignee%45xpression       | assigneeExpression",
            "%F0%9F%98%80               | \uD83D\uDE00",
            "a%2Bb                      | a+b",
            "plain                      | plain",
    })
    void decodesAsTheEngineDoes(String encoded, String decoded) throws Exception {
        assertThat(StrictQueryString.decode(encoded.trim())).isEqualTo(decoded.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C1%85", "%E0%81%85", "%F0%80%81%85", "%ED%A0%80", "%C3", "%FF", "%zz", "%4", "%", "é"})
    void refusesWhatItCannotDecodeStrictly(String encoded) {
        assertThatThrownBy(() -> StrictQueryString.decode(encoded)).isInstanceOf(StrictQueryString.Malformed.class)
                .hasMessageStartingWith("The query string ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a=1&b=2|2", "a|1", "a=1&&b|3"})
    void splitsIntoParameters(String queryString, int count) throws Exception {
        assertThat(StrictQueryString.parse(queryString)).hasSize(count);
    }
}
