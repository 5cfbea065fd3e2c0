/**
 * Running as one node of a cluster that shares a PostgreSQL store: following the change log
 * ({@link dev.lanyard.sts.cluster.ChangeFollower}: LISTEN/NOTIFY plus a polling fallback), knowing
 * whether the store is reachable ({@link dev.lanyard.sts.cluster.StoreReachability}), reporting the
 * node's readiness ({@link dev.lanyard.sts.cluster.NodeHealth}) and starting before the store is
 * reachable ({@link dev.lanyard.sts.cluster.StoreStartup}).
 *
 * <p>Staleness bound: while the store is reachable, a change committed through any node is applied
 * on every other node within 1 s (the 500 ms poll plus one query), typically within a few
 * milliseconds through NOTIFY; on the node that made it, at once. While the store is unreachable
 * a node serves from memory (degraded) and catches up on the change log when it returns.
 */
package dev.lanyard.sts.cluster;
