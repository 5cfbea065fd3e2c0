package dev.lanyard.sdk.signing.grpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

  /**
   * The bytes as a stream that tells gRPC and protobuf its length and drains itself: gRPC then
   * writes the array as it is (a plain stream is copied through an 8 KB buffer) and protobuf parses
   * it in its reusable buffer (a plain stream costs a 4 KB buffer per message).
   */
  @Override
  public InputStream stream(byte[] value) {
    return new MessageBytes(value);
  }

  private static final class MessageBytes extends ByteArrayInputStream implements KnownLength, Drainable {
    MessageBytes(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }

  /**
   * The message's bytes. gRPC's message streams know their length ({@link KnownLength}): they are
   * read into an array of that size at once, not through the 16 KB buffers of
   * {@link InputStream#readAllBytes()}, which cost every call three times its message in garbage.
   */
  @Override
  public byte[] parse(InputStream stream) {
    try (stream) {
      if (stream instanceof KnownLength) {
        byte[] known = new byte[stream.available()];
        int read = stream.readNBytes(known, 0, known.length);
        int next = stream.read();
        if (read == known.length && next == -1) {
          return known;
        }
        // The stream was longer (or shorter) than it said: keep exactly what it held.
        ByteArrayOutputStream all = new ByteArrayOutputStream(read + 64);
        all.write(known, 0, read);
        if (next != -1) {
          all.write(next);
          stream.transferTo(all);
        }
        return all.toByteArray();
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a gRPC message", e);
    }
  }
}
