package dev.loyalty.core.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads rows selected by one string key: the shape of most of the JDBC store's look-ups. */
final class JdbcRows {

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private JdbcRows() {
    }

    /** Returns every row the query selects for the key, read in order, as an unmodifiable list. */
    static <T> List<T> list(Connection connection, String sql, String key, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, key);
            return readAll(ps, reader);
        }
    }

    /** Runs a prepared query and reads every row, in order, into an unmodifiable list. */
    private static <T> List<T> readAll(PreparedStatement ps, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
        }
        return List.copyOf(rows);
    }

    /**
     * Returns every row the query selects for any of the keys, read in order, as an unmodifiable
     * list. The query takes the keys as its one parameter, an array of strings compared with
     * {@code = ANY(?)}, which PostgreSQL and H2 both accept; one statement text for any number of
     * keys, so the database prepares it once.
     */
    static <T> List<T> listAny(Connection connection, String sql, List<String> keys, RowReader<T> reader) throws SQLException {
        Array array = connection.createArrayOf("varchar", keys.toArray());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, array);
            return readAll(ps, reader);
        } finally {
            array.free();
        }
    }

    /** Returns the first row the query selects for the key, if any. */
    static <T> Optional<T> one(Connection connection, String sql, String key, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }
}
