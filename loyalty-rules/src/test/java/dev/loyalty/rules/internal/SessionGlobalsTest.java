package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionGlobalsTest {

    @Test
    void shouldAnswerEachGlobalWithTheValueLastSet() {
        SessionGlobals globals = new SessionGlobals();
        Object earn = new Object();
        Object offers = new Object();
        Object other = new Object();

        globals.setGlobal("earn", earn);
        globals.setGlobal("offers", offers);
        globals.setGlobal("shop", other);

        assertThat(globals.resolveGlobal("earn")).isSameAs(earn);
        assertThat(globals.resolveGlobal("offers")).isSameAs(offers);
        assertThat(globals.resolveGlobal("shop")).isSameAs(other);
        assertThat(globals.get("earn")).isSameAs(earn);
    }

    @Test
    void shouldForgetAGlobalWhenItIsRemovedOrTheGlobalsAreCleared() {
        SessionGlobals globals = new SessionGlobals();
        globals.setGlobal("earn", new Object());
        globals.setGlobal("offers", new Object());

        globals.removeGlobal("earn");

        assertThat(globals.resolveGlobal("earn")).isNull();
        assertThat(globals.resolveGlobal("offers")).isNotNull();
        globals.clear();
        assertThat(globals.resolveGlobal("offers")).isNull();
    }

    @Test
    void shouldForgetAGlobalSetToNull() {
        SessionGlobals globals = new SessionGlobals();
        globals.setGlobal("earn", new Object());

        globals.setGlobal("earn", null);

        assertThat(globals.resolveGlobal("earn")).isNull();
    }
}
