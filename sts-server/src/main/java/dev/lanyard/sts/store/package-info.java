/**
 * The IAM store: one {@link dev.lanyard.sts.store.IamStore} interface (grouped into per-entity stores),
 * AWS pagination, input rules and limits, and the change log other nodes follow. Implementations live
 * in sub-packages; every write is one transaction and every failure is a
 * {@link dev.lanyard.sts.error.LanyardException} with its AWS error code.
 */
package dev.lanyard.sts.store;
