package dev.lanyard.sts.query;

import java.util.Objects;

/** Refuses a request at the protocol level (before or instead of the service), with its {@link QueryError}. */
final class QueryProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient QueryError error;

  QueryProtocolException(QueryError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = Objects.requireNonNull(error, "error");
  }

  QueryError error() {
    return error;
  }
}
