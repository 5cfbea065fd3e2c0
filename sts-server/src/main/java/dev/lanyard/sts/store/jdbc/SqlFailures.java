package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Maps database failures to AWS error codes. Messages name the SQL state only: database messages can
 * quote row values, so they travel as the (unlogged) cause, never in the message.
 */
final class SqlFailures {
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlFailures() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static LanyardException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals(UNIQUE_VIOLATION)) {
            return new LanyardException(AwsErrorCode.EntityAlreadyExists,
                    "an entity with the same name or id already exists", false, e);
        }
        if (state.equals(FOREIGN_KEY_VIOLATION)) {
            return new LanyardException(AwsErrorCode.DeleteConflict,
                    "the entity is referenced by another entity; remove the reference first", false, e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.equals("55P03")) {
            return new LanyardException(AwsErrorCode.ConcurrentModification,
                    "a concurrent write to the same entity conflicted; retry the request", true, e);
        }
        if (state.startsWith("08") || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException || state.equals("57P01") || state.equals("57P03")) {
            return new LanyardException(AwsErrorCode.ServiceUnavailable,
                    "the IAM store's database is unavailable (SQL state " + state + "); retry later", true, e);
        }
        return new LanyardException(AwsErrorCode.ServiceFailure,
                "the IAM store failed (SQL state " + (state.isEmpty() ? "unknown" : state) + ")", false, e);
    }

    static LanyardException noSuch(String what) {
        return new LanyardException(AwsErrorCode.NoSuchEntity, what + " cannot be found", false);
    }

    static LanyardException alreadyExists(String what) {
        return new LanyardException(AwsErrorCode.EntityAlreadyExists, what + " already exists", false);
    }

    static LanyardException deleteConflict(String what, String reason) {
        return new LanyardException(AwsErrorCode.DeleteConflict, "cannot delete " + what + ": " + reason, false);
    }

    static LanyardException concurrentModification(String what) {
        return new LanyardException(AwsErrorCode.ConcurrentModification,
                what + " was changed by another request since it was read; read it again and retry", true);
    }
}
