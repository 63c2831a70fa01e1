package com.collectiondesk.security.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JuelSubsetTest {

    private static final ExpressionNames NAMES = new ExpressionNames(Set.of("notifyErpDelegate"), Set.of("notifyErpDelegate", "dataSource")::contains);

    @Test
    void comparisonsAndBooleanOperatorsOverVariablesAndLiterals() {
        for (String allowed : new String[] {"${amount > 5}", "${a == 'x' || b != \"y\" && !c}", "${not empty note and dpd ge -1.5e2}",
                "${(a lt 1 or a gt 9) && x eq null}", "Dear ${name}, ${execution.processBusinessKey}", "#{flag}", "plain text",
                "${s == '}'}", "${s == 'it\\'s'}", "${scanSchedule.cron}"}) {
            assertThatCode(() -> JuelSubset.check(allowed, NAMES)).as(allowed).doesNotThrowAnyException();
        }
    }

    @Test
    void everythingElseIsRefusedWithTheReason() {
        assertRefused("${''.getClass()}", "property access on '''' ('.getClass') is not allowed");
        assertRefused("${x.getClass()}", "method calls ('x.getClass(') are not allowed");
        assertRefused("${T(java.lang.Runtime)}", "method and function calls ('T(') are not allowed");
        assertRefused("${fn:join(a)}", "functions (':') are not allowed");
        assertRefused("${a[0]}", "index access ('[') is not allowed");
        assertRefused("${a + 1}", "arithmetic ('+') is not allowed");
        assertRefused("${a div 2}", "arithmetic ('div') is not allowed");
        assertRefused("${a ? b : c}", "the conditional operator ('?') is not allowed");
        assertRefused("${a = 1}", "assignment ('=') is not allowed");
        assertRefused("${execution}", "the engine object 'execution' is not allowed");
        assertRefused("${execution.processEngine}", "'execution.processEngine' navigates the engine object");
        assertRefused("${dataSource}", "'dataSource' names a bean of the service, not a process variable");
        assertRefused("${customer.name}", "property access 'customer.name' is not allowed");
        assertRefused("${(a).b}", "property access on '(…)' ('.b') is not allowed");
        assertRefused("${a", "the expression is not closed with '}'");
        assertRefused("${a b}", "'b' is not allowed here");
        assertRefused("${}", "the expression is empty or incomplete");
        assertRefused("\\${a}", "an escaped '\\$' is not allowed");
        assertRefused("${'a\\u0041'}", "the escape '\\u' is not allowed in a string");
        assertRefused("${a instanceof b}", "'instanceof' is not allowed");
    }

    @Test
    void aDelegateExpressionNamesADelegateBean() throws NotAllowed {
        assertThat(JuelSubset.parse("${notifyErpDelegate}").evaluations().get(0).soleReference()).isEqualTo("notifyErpDelegate");
        assertThat(JuelSubset.parse("${a == b}").evaluations().get(0).soleReference()).isNull();
        assertThatThrownBy(() -> NAMES.checkDelegate("dataSource")).hasMessage("'dataSource' is not one of this service's delegates");
    }

    private static void assertRefused(String expression, String reason) {
        assertThatThrownBy(() -> JuelSubset.check(expression, NAMES)).as(expression).isInstanceOf(NotAllowed.class).hasMessageContaining(reason);
    }
}
