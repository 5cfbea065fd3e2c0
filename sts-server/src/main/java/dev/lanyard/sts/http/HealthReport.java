package dev.lanyard.sts.http;

/**
 * What {@code /healthz} reports: whether this node is ready to serve, why not when it is not, its
 * identity, and the store version it has applied.
 */
public record HealthReport(boolean ready, String status, String nodeId, long storeVersion) {
  public String toJson() {
    return "{\"status\":\"" + status + "\",\"ready\":" + ready + ",\"node\":\""
        + nodeId.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"storeVersion\":" + storeVersion + "}";
  }
}
