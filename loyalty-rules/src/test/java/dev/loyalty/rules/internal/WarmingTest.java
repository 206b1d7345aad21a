package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.RuleDefinitionException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Warming a rule set, the one session made before it goes live, when making that session fails.
 * No DRL, class loader or Drools system property makes a session of a compiled set fail, so the
 * rule base is wrapped here to fail as Drools itself could (out of resources, an internal fault).
 */
class WarmingTest {

    private static final List<DrlSource> SOURCES = List.of(new DrlSource("warm.drl", """
            package test;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;
            rule "W-01 base" when $p : Purchase( ) then earn.base($p, 1, "base"); end
            """));

    /**
     * Returns a rule set whose rule base makes sessions as Drools does until the set is built,
     * then passes each new session through the given function (which may throw).
     */
    private static RuleSet failingOnceBuilt(Function<KieSession, KieSession> newSession) {
        KieBase real = DrlCompiler.compile(SOURCES, WarmingTest.class.getClassLoader());
        AtomicBoolean built = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                Object result = method.invoke(real, args);
                return built.get() && method.getName().equals("newKieSession") ? newSession.apply((KieSession) result) : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        KieBase kieBase = (KieBase) Proxy.newProxyInstance(KieBase.class.getClassLoader(), new Class<?>[] {KieBase.class}, handler);
        RuleSet rules = new RuleSet(kieBase, "v", 4, CampaignCatalog.of(kieBase, SOURCES, new ArrayList<>()));
        built.set(true);
        return rules;
    }

    @Test
    void shouldRefuseWarmingWithARuleDefinitionExceptionSayingWhyNoSessionCouldBeMade() {
        try (RuleSet rules = failingOnceBuilt(session -> {
            session.dispose();
            throw new IllegalStateException("no room for another session");
        })) {
            RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, rules::warm);

            assertThat(e).as("a typed refusal, not Drools' own exception").isNotNull();
            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("could not make a session").contains("no room for another session"));
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
            assertThat(rules.idleSessions()).isZero();
        }
    }

    @Test
    void shouldDisposeTheSessionWhenSettingItUpFailsWhileWarming() {
        AtomicBoolean disposed = new AtomicBoolean();
        try (RuleSet rules = failingOnceBuilt(session -> failingToSetGlobals(session, disposed))) {
            catchThrowableOfType(RuntimeException.class, rules::warm);

            assertThat(disposed).as("the half-made session was disposed").isTrue();
            assertThat(rules.idleSessions()).isZero();
        }
    }

    /** Wraps a session so that setting a global throws, and records whether it was disposed. */
    private static KieSession failingToSetGlobals(KieSession real, AtomicBoolean disposed) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("setGlobal")) {
                throw new IllegalStateException("globals refused");
            }
            if (method.getName().equals("dispose")) {
                disposed.set(true);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (KieSession) Proxy.newProxyInstance(KieSession.class.getClassLoader(), new Class<?>[] {KieSession.class}, handler);
    }
}
