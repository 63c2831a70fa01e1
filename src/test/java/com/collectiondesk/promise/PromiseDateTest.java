package com.collectiondesk.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.collectiondesk.errors.InputRefused;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Every form of a submitted promise date the call form and engine REST send, and what is refused, naming the field. */
class PromiseDateTest {

    @Test
    void readsTheFormsIsoDateADateTimesDayAndAJavaDateAtUtcMidnight() {
        assertThat(PromiseDate.parse("promiseDate", "2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(PromiseDate.parse("promiseDate", " 2026-12-01T00:00:00Z ")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(PromiseDate.parse("promiseDate", Date.from(Instant.parse("2026-12-01T00:00:00Z"))))
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(PromiseDate.parse("promiseDate", LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> PromiseDate.parse("promiseDate", "2026-02-30"))
                .isInstanceOfSatisfying(InputRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("promiseDate");
                    assertThat(refused.getMessage()).isEqualTo("promiseDate: not a date (yyyy-mm-dd): 2026-02-30");
                    assertThat(refused.toProblem().getStatus()).isEqualTo(400);
                    assertThat(refused.toProblem().getProperties()).containsEntry("field", "promiseDate");
                });
        assertThatThrownBy(() -> PromiseDate.parse("promiseDate", "01.12.2026"))
                .isInstanceOf(InputRefused.class).hasMessage("promiseDate: not a date (yyyy-mm-dd): 01.12.2026");
    }

    @Test
    void nothingBlankOrAnotherTypeIsRefusedAsAMissingDate() {
        for (Object nothing : new Object[] {null, "", "   ", 20261201}) {
            assertThatThrownBy(() -> PromiseDate.parse("promiseDate", nothing)).as(String.valueOf(nothing))
                    .isInstanceOf(InputRefused.class).hasMessage("promiseDate: a promise needs a date");
        }
    }
}
