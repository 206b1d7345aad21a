package dev.loyalty.rules.internal;

import org.drools.core.base.MapGlobalResolver;

/**
 * A session's globals that answer {@code earn} and {@code offers}, the two every campaign
 * consequence reads on each firing, from fields instead of Drools' concurrent map (a profile of
 * batch evaluation found those map lookups at about a twelfth of the time). Any other global
 * is kept and found as before. Not public API.
 */
final class SessionGlobals extends MapGlobalResolver {

    private static final long serialVersionUID = 1L;

    private transient Object earn;
    private transient Object offers;

    @Override
    public Object resolveGlobal(String identifier) {
        if (earn != null && "earn".equals(identifier)) {
            return earn;
        }
        if (offers != null && "offers".equals(identifier)) {
            return offers;
        }
        return super.resolveGlobal(identifier);
    }

    @Override
    public void setGlobal(String identifier, Object value) {
        super.setGlobal(identifier, value);
        remember(identifier, value);
    }

    @Override
    public void removeGlobal(String identifier) {
        super.removeGlobal(identifier);
        remember(identifier, null);
    }

    @Override
    public void clear() {
        super.clear();
        earn = null;
        offers = null;
    }

    private void remember(String identifier, Object value) {
        if ("earn".equals(identifier)) {
            earn = value;
        } else if ("offers".equals(identifier)) {
            offers = value;
        }
    }
}
