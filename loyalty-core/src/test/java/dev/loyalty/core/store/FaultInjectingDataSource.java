package dev.loyalty.core.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A data source that counts JDBC steps (each statement execution, batch and commit, on every
 * connection it hands out) and injects a fault at a chosen step: a failure instead of the step,
 * a failure after it (a commit whose acknowledgement is lost), or anything else, such as killing
 * the server session first. Steps are labelled like {@code INSERT loyalty_entry} or {@code COMMIT}.
 */
final class FaultInjectingDataSource implements DataSource {

    /** What happens at a faulted step. */
    @FunctionalInterface
    interface Fault {
        /**
         * Replaces one step.
         *
         * @param connection the underlying connection the step runs on
         * @param step the step's label
         * @param proceed runs the real step
         * @return what the step returns
         * @throws Throwable what the step throws instead
         */
        Object at(Connection connection, String step, Proceed proceed) throws Throwable;
    }

    /** Runs the real step. */
    @FunctionalInterface
    interface Proceed {
        /**
         * Runs it.
         *
         * @return the step's result
         * @throws Throwable the step's failure
         */
        Object run() throws Throwable;
    }

    private static final Pattern TABLE = Pattern.compile("loyalty_[a-z_]+");

    private final DataSource target;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> steps = new ArrayList<>();
    private final List<String> fired = new ArrayList<>();
    private volatile Predicate<Integer> atStep = n -> false;
    private volatile Predicate<String> onLabel = label -> true;
    private volatile Fault fault;
    private volatile boolean once;

    FaultInjectingDataSource(DataSource target) {
        this.target = target;
    }

    /** Fails the step with an {@link SQLException} of the given state, instead of running it. */
    static Fault fail(String sqlState) {
        return (connection, step, proceed) -> {
            throw new SQLException("injected failure at " + step, sqlState);
        };
    }

    /** Runs the step, then fails with an {@link SQLException} of the given state, as when the reply is lost. */
    static Fault failAfter(String sqlState) {
        return (connection, step, proceed) -> {
            proceed.run();
            throw new SQLException("injected: connection lost after " + step, sqlState);
        };
    }

    /**
     * Injects the fault once, at the n-th step counted from now.
     *
     * @param n the step, from 1
     * @param value the fault
     */
    synchronized void failAt(int n, Fault value) {
        reset();
        atStep = step -> step == n;
        onLabel = label -> true;
        fault = value;
        once = true;
    }

    /**
     * Injects the fault at every step whose label matches, until {@link #disarm()}.
     *
     * @param label which steps
     * @param value the fault
     * @param onlyOnce whether to inject it at the first matching step only
     */
    synchronized void failWhere(Predicate<String> label, Fault value, boolean onlyOnce) {
        reset();
        atStep = step -> true;
        onLabel = label;
        fault = value;
        once = onlyOnce;
    }

    /** Starts a fresh record of steps, with no fault armed. */
    synchronized void record() {
        reset();
        fault = null;
    }

    /** Stops injecting faults; the record of steps and fired faults stays. */
    synchronized void disarm() {
        fault = null;
    }

    /** Returns the labels of the steps where a fault was injected since arming. */
    synchronized List<String> fired() {
        return List.copyOf(fired);
    }

    /** Returns the labels of the steps run since arming. */
    synchronized List<String> steps() {
        return List.copyOf(steps);
    }

    private void reset() {
        counter.set(0);
        steps.clear();
        fired.clear();
    }

    private Object step(String label, Connection connection, Proceed proceed) throws Throwable {
        int n = counter.incrementAndGet();
        Fault current;
        synchronized (this) {
            steps.add(label);
            current = fault;
            if (current != null && atStep.test(n) && onLabel.test(label)) {
                fired.add(label);
                if (once) {
                    fault = null;
                }
            } else {
                current = null;
            }
        }
        return current == null ? proceed.run() : current.at(connection, label, proceed);
    }

    /**
     * Returns the steps of one of {@code processAll}'s bulk reads: its queries, after the
     * {@code SET} of custom plans where the store makes one (on PostgreSQL).
     *
     * @param plansFirst whether the store sets custom plans for the read
     * @param queries the labels of the read's queries
     * @return the steps, in order; a mutable list
     */
    static List<String> bulkRead(boolean plansFirst, String... queries) {
        List<String> read = new ArrayList<>();
        if (plansFirst) {
            read.add("SET");
        }
        read.addAll(List.of(queries));
        return read;
    }

    static String label(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        String verb = text.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        Matcher table = TABLE.matcher(text);
        String label = verb + (table.find() ? " " + table.group() : "");
        return text.toUpperCase(Locale.ROOT).endsWith("FOR UPDATE") ? label + " FOR UPDATE" : label;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "prepareStatement":
                    return statement(PreparedStatement.class, invoke(connection, method, args), connection, label((String) args[0]));
                case "createStatement":
                    return statement(Statement.class, invoke(connection, method, args), connection, null);
                case "commit":
                    return step("COMMIT", connection, () -> invoke(connection, method, args));
                default:
                    return invoke(connection, method, args);
            }
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private <T extends Statement> T statement(Class<T> type, Object statement, Connection connection, String preparedLabel) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (!name.startsWith("execute")) {
                return invoke(statement, method, args);
            }
            String label = preparedLabel != null ? preparedLabel : args != null && args.length > 0 && args[0] instanceof String sql
                    ? label(sql) : "BATCH";
            return step(name.contains("Batch") ? label + " (batch)" : label, connection, () -> invoke(statement, method, args));
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
