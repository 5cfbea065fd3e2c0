package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.IamArns;

import dev.lanyard.sts.crypto.SecretSealer;

/** What every per-entity JDBC store shares: the database, ARN syntax, id generator and secret sealer. */
record JdbcContext(Database db, IamArns arns, IamIds ids, SecretSealer sealer) {
}
