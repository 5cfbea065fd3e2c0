package dev.lanyard.sts.grpc;

import io.grpc.Context;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The network peer of the current gRPC call, put in the {@link Context} by
 * {@link PeerAddressInterceptor}: the value of {@code aws:SourceIp} for calls that carry no signed
 * caller (federation, agent proofs) and the {@code sourceAddress} of their audit records.
 */
public final class PeerAddresses {
  static final Context.Key<SocketAddress> KEY = Context.key("lanyard-peer-address");

  private PeerAddresses() {}

  /** The current call's peer IP address, or null outside a call or when the peer is not an IP socket. */
  public static String current() {
    return of(KEY.get());
  }

  /** The IP address of a peer, or null when it is not an IP socket (in-process, Unix domain). */
  public static String of(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return null;
  }
}
