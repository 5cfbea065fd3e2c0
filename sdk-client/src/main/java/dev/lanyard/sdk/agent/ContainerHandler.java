package dev.lanyard.sdk.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The container-credentials endpoint: {@code GET /credentials} with the {@code Authorization} header
 * equal to the token in the container token file (compared in constant time; 401 when missing, 403
 * when wrong), answering the credentials JSON ({@code AccessKeyId}, {@code SecretAccessKey},
 * {@code Token}, {@code Expiration}), as the AWS SDKs' container providers read it.
 */
final class ContainerHandler implements HttpHandler {
  static final String PATH = "/credentials";

  private final byte[] token;
  private final CredentialsBoard board;

  ContainerHandler(byte[] token, CredentialsBoard board) {
    this.token = token.clone();
    this.board = board;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
        HttpReplies.text(exchange, 404, "not found; credentials are at " + PATH);
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        HttpReplies.text(exchange, 405, "use GET " + PATH);
        return;
      }
      String presented = exchange.getRequestHeaders().getFirst("Authorization");
      if (presented == null) {
        HttpReplies.text(exchange, 401, "the Authorization header is required: the token in the container token file");
        return;
      }
      if (!MessageDigest.isEqual(presented.strip().getBytes(StandardCharsets.UTF_8), token)) {
        HttpReplies.text(exchange, 403, "the Authorization header does not match the container token");
        return;
      }
      ServedCredentials served = board.servable();
      if (served == null) {
        HttpReplies.text(exchange, 503, "no credentials yet: the agent has not obtained valid role credentials");
        return;
      }
      HttpReplies.send(exchange, 200, HttpReplies.JSON, served.document());
    } finally {
      exchange.close();
    }
  }
}
