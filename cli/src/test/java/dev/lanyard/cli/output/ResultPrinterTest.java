package dev.lanyard.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.proto.iam.v1.DeleteUserResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ResultPrinterTest {

  @Test
  void jsonIsLaidOutAsTheAwsCliDoes() throws Exception {
    ObjectNode result = (ObjectNode) new ObjectMapper().readTree(
        "{\"Users\":[{\"UserName\":\"a\",\"Tags\":[]}],\"IsTruncated\":false}");
    String nl = System.lineSeparator();
    assertEquals("{" + nl + "  \"Users\": [" + nl + "    {" + nl + "      \"UserName\": \"a\"," + nl
        + "      \"Tags\": []" + nl + "    }" + nl + "  ]," + nl + "  \"IsTruncated\": false" + nl + "}",
        ResultPrinter.json(result));
  }

  @Test
  void anEmptyResponsePrintsNothing() {
    StringWriter out = new StringWriter();
    ResultPrinter.print(DeleteUserResponse.getDefaultInstance(), OutputFormat.JSON, new PrintWriter(out));
    assertEquals("", out.toString());
  }
}
