package dev.lanyard.sdk.credentials;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Plain-http credential endpoints must be on this host: every address the host name resolves to is
 * a loopback address, or the address is one of the cloud's link-local credential addresses. HTTPS
 * endpoints may be anywhere.
 */
final class LocalEndpointRule {
  private LocalEndpointRule() {}

  /**
   * @param setting the setting that named the endpoint, for the error
   * @param linkLocal the link-local addresses also allowed, in their textual form
   */
  static URI requireAllowed(URI uri, String setting, Set<String> linkLocal) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new CredentialsUnavailableException(
          setting + ": must be an http or https URI with a host, got '" + uri + "'");
    }
    if (scheme.equals("https")) {
      return uri;
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      boolean allLoopback = addresses.length > 0;
      for (InetAddress address : addresses) {
        if (linkLocal.contains(address.getHostAddress()) || linkLocal.contains(host)) {
          return uri;
        }
        allLoopback &= address.isLoopbackAddress();
      }
      if (allLoopback) {
        return uri;
      }
    } catch (UnknownHostException e) {
      throw new CredentialsUnavailableException(setting + ": cannot resolve the host '" + host + "'", e);
    }
    throw new CredentialsUnavailableException(setting + ": a plain-http endpoint must be a loopback address or one of "
        + linkLocal + ", got '" + host + "'; use https for other hosts");
  }
}
