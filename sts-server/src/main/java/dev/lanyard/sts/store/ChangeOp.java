package dev.lanyard.sts.store;

/** What a write did to the entity a {@link Change} names. */
public enum ChangeOp {
    CREATE, UPDATE, DELETE
}
