package dev.winnow.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dev.winnow.api} is the supported surface, every other package internal: so what a program sees of the API
 * (public types, constructors, methods, fields, their generic arguments and exceptions) is made only of API types and
 * the JDK's. An internal type leaking into a signature would tie users to a package that changes between versions.
 */
class ApiSurfaceTest {
    private static final List<Class<?>> API = List.of(Winnow.class, Winnow.Builder.class, Article.class, Article.Cut.class, Rejected.class);

    @Test
    void theApiShowsOnlyItsOwnTypesAndTheJdks() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : API) {
            assertTrue(Modifier.isPublic(c.getModifiers()), c + " is public");
            check(c.getGenericSuperclass(), c + " extends", leaks);
            for (Type t : c.getGenericInterfaces()) check(t, c + " implements", leaks);
            for (Executable e : c.getConstructors()) signature(e, leaks);
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() == Object.class || m.getDeclaringClass().getPackageName().startsWith("java.")) continue;
                check(m.getGenericReturnType(), m.toString(), leaks);
                signature(m, leaks);
            }
            for (Field f : c.getFields()) check(f.getGenericType(), f.toString(), leaks);
        }
        assertTrue(leaks.isEmpty(), "internal types in the API:\n" + String.join("\n", leaks));
        for (Class<?> c : Winnow.class.getDeclaredClasses()) {
            if (Modifier.isPublic(c.getModifiers())) assertTrue(API.contains(c), c + " is public and not in the list checked here");
        }
    }

    private static void signature(Executable e, List<String> leaks) {
        for (Type t : e.getGenericParameterTypes()) check(t, e.toString(), leaks);
        for (Type t : e.getGenericExceptionTypes()) check(t, e.toString(), leaks);
    }

    private static void check(Type type, String where, List<String> leaks) {
        if (type == null) return;
        if (type instanceof ParameterizedType p) {
            check(p.getRawType(), where, leaks);
            for (Type a : p.getActualTypeArguments()) check(a, where, leaks);
        } else if (type instanceof Class<?> c) {
            while (c.isArray()) c = c.getComponentType();
            if (c.isPrimitive()) return;
            String pkg = c.getPackageName();
            if (!pkg.equals("dev.winnow.api") && !pkg.startsWith("java.")) leaks.add(c.getName() + " in " + where);
        }
    }
}
