package dev.lanyard.sts.auth;

import dev.lanyard.sdk.signing.grpc.RawMessageMarshaller;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * Installs SigV4 authentication on a service: converts its definition to raw message bytes (so the
 * interceptor verifies exactly what was received) and intercepts it; the handler still receives its
 * parsed messages.
 */
public final class SignedServices {
  private SignedServices() {}

  public static ServerServiceDefinition signed(BindableService service, SigV4ServerInterceptor auth) {
    return signed(service.bindService(), auth);
  }

  public static ServerServiceDefinition signed(ServerServiceDefinition definition,
      SigV4ServerInterceptor auth) {
    return ServerInterceptors.intercept(
        ServerInterceptors.useMarshalledMessages(definition, RawMessageMarshaller.INSTANCE), auth);
  }
}
