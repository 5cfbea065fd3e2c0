package dev.lanyard.sts.store.model;

/** An access key's status, spelled as AWS spells it ({@link #awsName()}). */
public enum AccessKeyStatus {
    ACTIVE("Active"), INACTIVE("Inactive");

    private final String awsName;

    AccessKeyStatus(String awsName) {
        this.awsName = awsName;
    }

    /** "Active" or "Inactive". */
    public String awsName() {
        return awsName;
    }
}
