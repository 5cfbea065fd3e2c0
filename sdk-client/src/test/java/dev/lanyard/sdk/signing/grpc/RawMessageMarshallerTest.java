package dev.lanyard.sdk.signing.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RawMessageMarshallerTest {
  private static final byte[] MESSAGE = message(3000);

  private static byte[] message(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }

  /** A stream that says it holds {@code claimed} bytes, as gRPC's message streams do. */
  private static InputStream knownLength(byte[] bytes, int claimed) {
    class Known extends ByteArrayInputStream implements KnownLength {
      Known() {
        super(bytes);
      }

      @Override
      public synchronized int available() {
        return Math.min(claimed, count - pos);
      }
    }
    return new Known();
  }

  @Test
  void readsWhatTheStreamHolds() {
    assertArrayEquals(MESSAGE, RawMessageMarshaller.INSTANCE.parse(knownLength(MESSAGE, MESSAGE.length)));
    assertArrayEquals(MESSAGE, RawMessageMarshaller.INSTANCE.parse(new ByteArrayInputStream(MESSAGE)));
    assertArrayEquals(new byte[0], RawMessageMarshaller.INSTANCE.parse(knownLength(new byte[0], 0)));
  }

  @Test
  void aStreamLongerThanItSaidIsReadToItsEnd() {
    assertArrayEquals(MESSAGE, RawMessageMarshaller.INSTANCE.parse(knownLength(MESSAGE, 100)));
    assertArrayEquals(MESSAGE, RawMessageMarshaller.INSTANCE.parse(knownLength(MESSAGE, 0)));
  }

  @Test
  void itsStreamsTellTheirLengthAndDrainWhatIsLeft() throws Exception {
    InputStream stream = RawMessageMarshaller.INSTANCE.stream(MESSAGE);
    assertEquals(MESSAGE.length, stream.available());
    assertEquals(MESSAGE[0] & 0xff, stream.read());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(MESSAGE.length - 1, ((Drainable) stream).drainTo(out));
    assertArrayEquals(Arrays.copyOfRange(MESSAGE, 1, MESSAGE.length), out.toByteArray());
    assertEquals(-1, stream.read());
    assertEquals(0, stream.available());
    assertTrue(stream instanceof KnownLength);
  }

  @Test
  void whatItStreamsIsWhatItParses() {
    byte[] copy = Arrays.copyOf(MESSAGE, MESSAGE.length);
    assertArrayEquals(copy, RawMessageMarshaller.INSTANCE.parse(RawMessageMarshaller.INSTANCE.stream(copy)));
  }
}
