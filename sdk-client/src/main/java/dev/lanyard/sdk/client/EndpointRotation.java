package dev.lanyard.sdk.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Round-robin over one channel per endpoint, skipping channels known to be failing while another
 * is not. As a {@link Channel} it sends each call to the next endpoint.
 */
final class EndpointRotation extends Channel {
  private final List<ManagedChannel> channels;
  private final AtomicInteger next = new AtomicInteger();

  EndpointRotation(List<ManagedChannel> channels) {
    this.channels = List.copyOf(channels);
  }

  int size() {
    return channels.size();
  }

  ManagedChannel channel(int index) {
    return channels.get(Math.floorMod(index, channels.size()));
  }

  /** The index to start a call at: the next in turn that is not in transient failure, if any. */
  int start() {
    int first = next.getAndIncrement();
    for (int i = 0; i < channels.size(); i++) {
      int index = Math.floorMod(first + i, channels.size());
      if (channels.get(index).getState(false) != ConnectivityState.TRANSIENT_FAILURE) {
        return index;
      }
    }
    return Math.floorMod(first, channels.size());
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> newCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions) {
    return channel(start()).newCall(method, callOptions);
  }

  @Override
  public String authority() {
    return channels.get(0).authority();
  }

  /**
   * A channel that rotates like this one over each endpoint's channel with {@code decorate} applied
   * to it alone, so that per-endpoint interceptors see their own endpoint: the SigV4 signer signs
   * the authority of the node the call actually goes to.
   */
  Channel decorated(UnaryOperator<Channel> decorate) {
    List<Channel> each = channels.stream().map(decorate::apply).toList();
    return new Channel() {
      @Override
      public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        return each.get(start()).newCall(method, options);
      }

      @Override
      public String authority() {
        return each.get(0).authority();
      }
    };
  }
}
