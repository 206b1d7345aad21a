package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the module's public surface: Drools stays inside, so no public or protected signature of
 * a public type (internal packages included) may mention an {@code org.kie} or {@code org.drools}
 * type, and no public signature outside {@code internal} packages may expose an internal type.
 */
class PublicSignaturesTest {

    private static final Predicate<String> DROOLS = name -> name.startsWith("org.kie.") || name.startsWith("org.drools.");
    private static final Predicate<String> INTERNAL = name -> name.contains(".internal.");

    @Test
    void shouldMentionNoDroolsTypeWhenAnyPublicSignatureOfTheModuleIsRead() {
        Set<String> leaks = new TreeSet<>();
        for (Class<?> type : publicTypes()) {
            leaks.addAll(mentions(type, DROOLS));
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    void shouldExposeNoInternalTypeWhenAPublicSignatureOutsideTheInternalPackagesIsRead() {
        Set<String> leaks = new TreeSet<>();
        for (Class<?> type : publicTypes()) {
            if (!INTERNAL.test(type.getName())) {
                leaks.addAll(mentions(type, INTERNAL));
            }
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    void shouldFindTheModulesPublicTypesWhenTheClassesAreScanned() {
        assertThat(publicTypes()).contains(DroolsRuleEngine.class, CampaignSet.class);
    }

    /** Every "type: member mentions X" for the type's accessible signatures naming a type that matches. */
    private static List<String> mentions(Class<?> type, Predicate<String> forbidden) {
        List<String> found = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        check(found, forbidden, type, "extends/implements", seen, type.getGenericSuperclass());
        check(found, forbidden, type, "extends/implements", seen, type.getGenericInterfaces());
        check(found, forbidden, type, "type parameters", seen, type.getTypeParameters());
        for (Field field : type.getDeclaredFields()) {
            if (accessible(field.getModifiers()) && !field.isSynthetic()) {
                check(found, forbidden, type, field.getName(), seen, field.getGenericType());
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        executables.addAll(List.of(type.getMethods()));
        for (Executable executable : executables) {
            boolean bridge = executable instanceof Method method && method.isBridge();
            if (!accessible(executable.getModifiers()) || executable.isSynthetic() || bridge) {
                continue;
            }
            String member = executable instanceof Constructor<?> ? "<init>" : executable.getName();
            check(found, forbidden, type, member, seen, executable.getGenericParameterTypes());
            check(found, forbidden, type, member, seen, executable.getGenericExceptionTypes());
            check(found, forbidden, type, member, seen, executable.getTypeParameters());
            if (executable instanceof Method method) {
                check(found, forbidden, type, member, seen, method.getGenericReturnType());
            }
        }
        return found;
    }

    private static void check(List<String> found, Predicate<String> forbidden, Class<?> owner, String member, Set<Type> seen, Type... types) {
        for (Type t : types) {
            for (String name : names(t, seen)) {
                if (forbidden.test(name)) {
                    found.add(owner.getName() + ": " + member + " mentions " + name);
                }
            }
        }
    }

    /** The names of the classes a generic type is made of: raw type, arguments, bounds, components. */
    private static Set<String> names(Type type, Set<Type> seen) {
        Set<String> names = new TreeSet<>();
        if (type == null) {
            return names;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            names.add(element.getName());
        } else if (type instanceof ParameterizedType p) {
            names.addAll(names(p.getRawType(), seen));
            names.addAll(names(p.getOwnerType(), seen));
            for (Type argument : p.getActualTypeArguments()) {
                names.addAll(names(argument, seen));
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                names.addAll(names(bound, seen));
            }
            for (Type bound : w.getLowerBounds()) {
                names.addAll(names(bound, seen));
            }
        } else if (type instanceof GenericArrayType a) {
            names.addAll(names(a.getGenericComponentType(), seen));
        } else if (type instanceof TypeVariable<?> v && seen.add(v)) {
            for (Type bound : v.getBounds()) {
                names.addAll(names(bound, seen));
            }
        }
        return names;
    }

    private static boolean accessible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The public types of this module, nested ones only when every enclosing type is public too. */
    private static List<Class<?>> publicTypes() {
        Path root = classesRoot();
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString();
                if (relative.endsWith("module-info.class") || relative.endsWith("package-info.class")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name, false, PublicSignaturesTest.class.getClassLoader());
                if (effectivelyPublic(type)) {
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean effectivelyPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /** The directory (target/classes) the module's main classes were loaded from. */
    private static Path classesRoot() {
        try {
            Path root = Path.of(DroolsRuleEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertThat(root).as("loyalty-rules' classes are read from a directory").isDirectory();
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
