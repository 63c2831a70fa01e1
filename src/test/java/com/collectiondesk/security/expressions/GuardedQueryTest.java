package com.collectiondesk.security.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardedQueryTest {

    @ParameterizedTest
    @CsvSource({
            "/engine-rest/task, GET, AD_HOC",
            "/engine-rest/task/count, POST, AD_HOC",
            "/engine-rest/task/, POST, AD_HOC",
            "/engine-rest//task, POST, AD_HOC",
            "/engine-rest/engine/default/history/task, POST, AD_HOC",
            "/engine-rest/history/task/count, GET, AD_HOC",
            "/engine-rest/history/process-instance, POST, AD_HOC",
            "/engine-rest/engine/other/history/process-instance/count, POST, AD_HOC",
            "/camunda/api/engine/engine/default/task, POST, AD_HOC",
            "/camunda/api/engine/engine/default/filter/abc-1/list, POST, AD_HOC",
            "/engine-rest/filter/abc-1/count, POST, AD_HOC",
            "/engine-rest/filter/abc-1/singleResult, POST, AD_HOC",
            "/engine-rest/filter/create, POST, SAVED_FILTER",
            "/camunda/api/engine/engine/default/filter/create, POST, SAVED_FILTER",
            "/engine-rest/filter/abc-1, PUT, SAVED_FILTER",
            "/camunda/api/engine/engine/default/filter/abc-1, PUT, SAVED_FILTER",
    })
    void guardsTheAdHocQueriesAndFilterSaves(String path, String method, GuardedQuery expected) {
        assertThat(GuardedQuery.of(path, method, "/camunda")).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "/engine-rest/task/abc-1, GET",
            "/engine-rest/task/abc-1/complete, POST",
            "/engine-rest/filter/abc-1, GET",
            "/engine-rest/filter/abc-1, DELETE",
            "/engine-rest/process-definition/key/x/start, POST",
            "/engine-rest/history/variable-instance, POST",
            "/camunda/api/cockpit/plugin/base/default/process-instance, POST",
            "/api/me, GET",
    })
    void leavesOtherCallsAlone(String path, String method) {
        assertThat(GuardedQuery.of(path, method, "/camunda")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/camunda/api/engine/engine/default/task, default",
            "/camunda/api/engine/engine/other-engine/filter/x/list, other-engine",
    })
    void knowsWhichEngineAWebappCallAddresses(String path, String engine) {
        assertThat(GuardedQuery.webappEngineName(path, "/camunda")).contains(engine);
        assertThat(GuardedQuery.webappEngineName("/engine-rest/task", "/camunda")).isEmpty();
    }
}
