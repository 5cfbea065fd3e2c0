/**
 * The JDBC implementation of the IAM store, for H2 (embedded default) and PostgreSQL (cluster), with a
 * HikariCP pool and Flyway migrations. {@link dev.lanyard.sts.store.jdbc.JdbcIamStore} is the public
 * front; the per-entity stores behind it are package-private.
 */
package dev.lanyard.sts.store.jdbc;
