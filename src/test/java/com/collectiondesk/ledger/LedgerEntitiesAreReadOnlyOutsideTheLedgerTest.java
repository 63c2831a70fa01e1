package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Other modules hold the ledger's entities only to read them: no public constructor, no public method that
 * changes state (a setter, or one answering nothing). Every change goes through {@link LedgerCommands} or the import.
 */
class LedgerEntitiesAreReadOnlyOutsideTheLedgerTest {

    private static final List<Class<?>> ENTITIES = List.of(Customer.class, Contract.class, Invoice.class, Payment.class,
            PaymentAllocation.class, InvoiceCancellation.class);

    @Test
    void noEntityOffersAPublicConstructorOrMutator() {
        for (Class<?> entity : ENTITIES) {
            assertThat(Arrays.stream(entity.getDeclaredConstructors()).filter(c -> Modifier.isPublic(c.getModifiers())))
                    .as(entity.getSimpleName() + " constructors").isEmpty();
            List<String> mutators = Arrays.stream(entity.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                    .filter(LedgerEntitiesAreReadOnlyOutsideTheLedgerTest::changesState)
                    .map(Method::getName).toList();
            assertThat(mutators).as(entity.getSimpleName() + " public mutators").isEmpty();
        }
    }

    private static boolean changesState(Method method) {
        return method.getReturnType() == void.class || method.getName().startsWith("set");
    }
}
