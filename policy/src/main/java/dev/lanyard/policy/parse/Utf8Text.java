package dev.lanyard.policy.parse;

import dev.lanyard.policy.model.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: a malformed or unmappable byte is an error at its line and column. */
final class Utf8Text {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Utf8Text() {}

  static String decode(byte[] utf8) throws PolicyParseException {
    int start = startsWithBom(utf8) ? BOM.length : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8, start, utf8.length - start);
    CharBuffer out = CharBuffer.allocate(utf8.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw invalid(in.position(), utf8[in.position()], out);
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw invalid(in.position(), utf8[Math.max(0, in.position() - 1)], out);
    }
    out.flip();
    return out.toString();
  }

  private static PolicyParseException invalid(int offset, byte value, CharBuffer decoded) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.position(); i++) {
      if (decoded.get(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return JsonCursor.error(new SourcePosition(JsonPath.ROOT, line, column),
        String.format("the document is not valid UTF-8: byte 0x%02X at byte offset %d does not "
            + "form a valid UTF-8 sequence; policy documents must be UTF-8 text", value & 0xFF, offset));
  }

  private static boolean startsWithBom(byte[] utf8) {
    return utf8.length >= BOM.length && utf8[0] == BOM[0] && utf8[1] == BOM[1] && utf8[2] == BOM[2];
  }
}
