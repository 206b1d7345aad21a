package dev.loyalty.examples.pos;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.store.JdbcSchema;
import dev.loyalty.core.store.JdbcStore;
import dev.loyalty.rules.DroolsRuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say which database and program a command works on, shared by the commands
 * that open an engine.
 */
final class EngineOptions {

    @Option(names = "--db", defaultValue = "loyalty-db", paramLabel = "<path>",
            description = "H2 database file, with or without its .mv.db suffix (default: ${DEFAULT-VALUE}); created when missing; "
                    + "or an H2 JDBC URL (jdbc:h2:...)")
    String database;

    @Mixin
    ProgramOptions programOptions;

    @Option(names = "--campaigns", paramLabel = "<dir>", description = "campaign directory of .drl files (default: the default campaign pack)")
    Path campaigns;

    /** The suffix H2 gives a database's file; {@code --db} may name the file with it or without. */
    private static final String H2_SUFFIX = ".mv.db";

    /** Whether {@code --db} names a database that exists: always for a JDBC URL, else when its H2 file is there. */
    boolean exists() {
        return database.startsWith("jdbc:") || Files.exists(Path.of(base() + H2_SUFFIX));
    }

    /** The {@code --db} path as H2 names a database, without the {@value #H2_SUFFIX} suffix H2 adds to make its file. */
    private String base() {
        return database.endsWith(H2_SUFFIX) ? database.substring(0, database.length() - H2_SUFFIX.length()) : database;
    }

    /**
     * Tells whether {@code --db} names no database, and then says so on {@code err}: for the
     * commands that only read a database a replay made.
     */
    boolean missing(java.io.PrintWriter err) {
        if (exists()) {
            return false;
        }
        err.println("error: no database at " + database + " (" + base() + H2_SUFFIX + " is missing); replay events into it first");
        return true;
    }

    /**
     * The JDBC URL of {@code --db}: as given when it is one, else the H2 file in PostgreSQL mode.
     *
     * @throws InvalidInputException when the file path holds a {@code ;}, which H2 would read as the start of its settings
     */
    String url() {
        if (database.startsWith("jdbc:")) {
            return database;
        }
        if (database.indexOf(';') >= 0) {
            throw new InvalidInputException("--db", database + " holds a ';', which H2 reads as the start of connection settings; "
                    + "name a path without one, or give a jdbc:h2: URL");
        }
        return "jdbc:h2:file:" + Path.of(base()).toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    /**
     * Opens the database (creating the schema when missing) and an engine over it.
     *
     * @return the engine and its database, to close together
     * @throws EventFile.BadEventFileException when {@code --campaigns} names no directory
     */
    OpenEngine open() {
        if (campaigns != null && !Files.isDirectory(campaigns)) {
            // an input that cannot be read, as validate and simulate answer for it: nothing opened
            throw new EventFile.BadEventFileException(List.of(campaigns + ": is not a directory of campaign files"));
        }
        ProgramSettings program = programOptions.program();
        String url = url();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            JdbcSchema.apply(pool);
            LoyaltyEngine.Builder builder = LoyaltyEngine.builder().program(program).clock(Clock.systemUTC());
            DroolsRuleEngine rules = null;
            if (campaigns != null) {
                rules = DroolsRuleEngine.builder().directory(campaigns).build();
                builder.ruleEngine(rules);
            }
            JdbcStore store = JdbcStore.builder(pool).build();
            builder.store(store);
            return new OpenEngine(builder.build(), store, rules, pool);
        } catch (RuntimeException e) {
            OpenEngine.shutdown(pool);
            throw e;
        }
    }

    /**
     * An engine over an H2 file database; closing it closes the database file.
     *
     * @param engine the engine
     * @param store the engine's store, for reads outside the engine such as KPIs
     * @param rules the campaign rules the engine was given, or null for the default pack it owns
     * @param pool the database's connections
     */
    record OpenEngine(LoyaltyEngine engine, JdbcStore store, DroolsRuleEngine rules, JdbcConnectionPool pool) implements AutoCloseable {

        @Override
        public void close() {
            engine.close();
            if (rules != null) {
                rules.close();
            }
            shutdown(pool);
        }

        /** Closes the database's connections; H2 closes the file with the last one, so another process may open it next. */
        static void shutdown(JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
