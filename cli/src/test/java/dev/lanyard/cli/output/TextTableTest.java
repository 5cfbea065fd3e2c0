package dev.lanyard.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void listsPrintOneAlignedRowPerItem() throws Exception {
    String table = TextTable.render(MAPPER.readTree(
        "{\"Users\":[{\"UserName\":\"alice\",\"Path\":\"/\"},{\"UserName\":\"bo\",\"Path\":\"/eng/\",\"Tags\":[]}],"
            + "\"IsTruncated\":false}"));
    assertEquals("""
        UserName  Path
        alice     /
        bo        /eng/

        IsTruncated  false
        """, table);
  }

  @Test
  void objectsPrintOneRowPerNestedField() throws Exception {
    String table = TextTable.render(MAPPER.readTree(
        "{\"Credentials\":{\"AccessKeyId\":\"ASIA1\",\"Expiration\":\"2026-01-01T00:00:00Z\"},\"Tags\":[\"a\",\"b\"]}"));
    assertEquals("""
        FIELD                    VALUE
        Credentials.AccessKeyId  ASIA1
        Credentials.Expiration   2026-01-01T00:00:00Z
        Tags[0]                  a
        Tags[1]                  b
        """, table);
  }

  @Test
  void anEmptyResultPrintsNothing() throws Exception {
    assertEquals("", TextTable.render(MAPPER.readTree("{}")));
  }
}
