package vn.egov.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being away (503, come back later) rather than a bug (500). */
class ProblemDetailsAdviceTest {

    @Test
    void connectionsThatCannotBeHadOrWereCutAreTheDatabaseBeingAway() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                        new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"))))
                .isTrue();
        // a commit whose connection the server ended (pg_ctl stop -m fast): the driver's state, wrapped
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new TransactionSystemException(
                        "could not commit",
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new IllegalStateException(
                        "wrapped", new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                .isTrue();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                        new IllegalStateException(new SQLException("the database system is starting up", "57P03"))))
                .isTrue();
        // the statement failed because the server ended the connection, then the rollback failed on the closed
        // connection (FaultsUnderLoadIT caught a 500 there): the rollback's exception keeps the first as its
        // application exception, not as its cause
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "terminating connection",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(ProblemDetailsAdvice.databaseUnavailable(rollbackFailed)).isTrue();
        TransactionSystemException afterABug =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(ProblemDetailsAdvice.databaseUnavailable(afterABug)).isFalse();
    }

    @Test
    void aBugOrABadRowIsNot() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                        new DuplicateKeyException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                        new DataIntegrityViolationException("null", new SQLException("null value", "23502"))))
                .isFalse();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                        new IllegalStateException(new SQLException("query canceled", "57014"))))
                .isFalse();
    }
}
