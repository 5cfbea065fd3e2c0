package dev.lanyard.sdk.signing.grpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Passes message bytes through unchanged, so that the bytes signed are the bytes sent and the
 * bytes verified are the bytes received (a server can use it with
 * {@code ServerInterceptors.useMarshalledMessages}).
 */
public final class RawMessageMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  /** The only instance. */
  public static final RawMessageMarshaller INSTANCE = new RawMessageMarshaller();

  private RawMessageMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a gRPC message", e);
    }
  }
}
