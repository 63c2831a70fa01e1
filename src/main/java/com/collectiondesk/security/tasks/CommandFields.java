package com.collectiondesk.security.tasks;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the fields of Camunda's task commands, which keep what they were asked to do (task id, user, variables)
 * in protected fields without getters. TaskRequestsTest builds each command and reads it back, so a Camunda
 * upgrade that renames a field fails the build instead of silently passing commands through.
 */
final class CommandFields {

    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private CommandFields() {
    }

    static Object read(Object command, String name) {
        Field field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
        }
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            try {
                Field field = at.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name);
    }
}
