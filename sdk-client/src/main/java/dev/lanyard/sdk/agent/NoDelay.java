package dev.lanyard.sdk.agent;

/**
 * Turns on TCP_NODELAY for the JDK's HTTP server. It sends a response's headers and body as two
 * writes; without TCP_NODELAY the second waits for the client's delayed ACK (about 40 ms), which
 * caps a keep-alive connection at some 25 requests a second. The JDK reads the property once, when
 * its first server is created, so this runs before that; an explicit setting by the operator wins.
 */
final class NoDelay {
  private NoDelay() {}

  static void enable() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
}
