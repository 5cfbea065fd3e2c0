package dev.lanyard.sdk.agent;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A listening address that must be on loopback ({@code 127.0.0.1:PORT}, {@code [::1]:PORT}): the
 * agent serves credentials to the programs of this host only. Port 0 picks a free port.
 */
public final class LoopbackAddress {
  private LoopbackAddress() {}

  /**
   * Parses {@code host:port} and requires a loopback IP address.
   *
   * @param option the option that gave the value, for the error
   */
  public static InetSocketAddress parse(String text, String option) {
    String value = text == null ? "" : text.strip();
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(option + ": must be a loopback address and port such as 127.0.0.1:8181, got '"
          + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(option + ": the port must be 0-65535, got '" + value + "'");
    }
    if (!host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      throw new IllegalArgumentException(option + ": must be a loopback IP address (127.0.0.1 or ::1), not a host name,"
          + " got '" + host + "'");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(option + ": '" + host + "' is not an IP address", e);
    }
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(option + ": the agent serves credentials on loopback only (127.0.0.1 or ::1),"
          + " got '" + host + "'");
    }
    return new InetSocketAddress(address, port);
  }

  /** Requires {@code address} to be a loopback address. */
  static InetSocketAddress require(InetSocketAddress address, String option) {
    if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(option + ": the agent serves credentials on loopback only, got " + address);
    }
    return address;
  }
}
