package dev.lanyard.sdk.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A Lanyard server address, {@code host:port} ({@code [v6address]:port} for IPv6).
 *
 * @param host a host name or IP address, without brackets
 * @param port 1-65535
 */
public record Endpoint(String host, int port) {

  public Endpoint {
    if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("host: must be a host name or IP address, got '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: must be 1-65535, got " + port);
    }
  }

  /** Parses {@code host:port} or {@code [v6]:port}. */
  public static Endpoint parse(String text) {
    String value = text == null ? "" : text.strip();
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "LANYARD_ENDPOINT: each endpoint must be host:port (or [v6address]:port), got '" + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "LANYARD_ENDPOINT: an IPv6 address must be written in brackets, [v6address]:port, got '" + value + "'");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("LANYARD_ENDPOINT: the port must be a number 1-65535, got '" + value + "'");
    }
    return new Endpoint(host, port);
  }

  /** Parses a comma-separated list, as in {@code LANYARD_ENDPOINT}; blank entries are skipped. */
  public static List<Endpoint> parseList(String commaSeparated) {
    List<Endpoint> endpoints = new ArrayList<>();
    if (commaSeparated != null) {
      for (String part : commaSeparated.split(",")) {
        if (!part.isBlank()) {
          endpoints.add(parse(part));
        }
      }
    }
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException(
          "LANYARD_ENDPOINT: at least one host:port is required (several separated by commas), got '"
              + (commaSeparated == null ? "" : commaSeparated) + "'");
    }
    return List.copyOf(endpoints);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
