package com.linkpos.platform;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/** Tells a database refusal caused by the input itself (SQLSTATE class 22, "data exception") from a failure. */
public final class DataExceptions {

    private DataExceptions() {
    }

    public static boolean isBadInput(DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
