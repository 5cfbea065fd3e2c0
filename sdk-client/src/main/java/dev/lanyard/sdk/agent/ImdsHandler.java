package dev.lanyard.sdk.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The IMDSv2-compatible endpoint, as unmodified AWS SDKs call it: {@code PUT /latest/api/token}
 * with {@code X-aws-ec2-metadata-token-ttl-seconds} (1-21600; 400 otherwise; 403 when the request
 * carries {@code X-Forwarded-For}, i.e. came through a proxy), then with the token in {@code
 * X-aws-ec2-metadata-token} (401 when missing, wrong or expired): {@code
 * /latest/meta-data/iam/security-credentials/} (the role name), {@code .../<role>} (the credentials
 * JSON) and {@code /latest/meta-data/instance-id}. Unknown paths are 404, as IMDS answers.
 */
final class ImdsHandler implements HttpHandler {
  static final String TOKEN_PATH = "/latest/api/token";
  static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
  static final String INSTANCE_ID_PATH = "/latest/meta-data/instance-id";
  static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";

  private final ImdsTokens tokens;
  private final CredentialsBoard board;
  private final byte[] instanceId;

  ImdsHandler(ImdsTokens tokens, CredentialsBoard board, String instanceId) {
    this.tokens = tokens;
    this.board = board;
    this.instanceId = instanceId.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (path.equals(TOKEN_PATH)) {
        if (!method.equals("PUT")) {
          HttpReplies.text(exchange, 405, "use PUT " + TOKEN_PATH);
        } else {
          issueToken(exchange);
        }
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        HttpReplies.text(exchange, 405, "metadata is read with GET");
        return;
      }
      if (!tokens.valid(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
        HttpReplies.text(exchange, 401, "missing, invalid or expired " + TOKEN_HEADER
            + "; get a token with PUT " + TOKEN_PATH);
        return;
      }
      metadata(exchange, path);
    } finally {
      exchange.close();
    }
  }

  private void issueToken(HttpExchange exchange) throws IOException {
    var headers = exchange.getRequestHeaders();
    if (headers.containsKey("X-Forwarded-For")) {
      HttpReplies.text(exchange, 403, "requests through a proxy (X-Forwarded-For) are refused");
      return;
    }
    int ttl;
    try {
      String value = headers.getFirst(TTL_HEADER);
      ttl = value == null ? -1 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      ttl = -1;
    }
    if (ttl < ImdsTokens.MIN_TTL_SECONDS || ttl > ImdsTokens.MAX_TTL_SECONDS) {
      HttpReplies.text(exchange, 400, TTL_HEADER + " must be 1-21600 seconds");
      return;
    }
    exchange.getResponseHeaders().set(TTL_HEADER, Integer.toString(ttl));
    HttpReplies.text(exchange, 200, tokens.issue(ttl));
  }

  private void metadata(HttpExchange exchange, String path) throws IOException {
    if (path.equals(INSTANCE_ID_PATH)) {
      HttpReplies.send(exchange, 200, HttpReplies.TEXT, instanceId);
      return;
    }
    if (!path.startsWith(CREDENTIALS_PATH) && !path.equals(CREDENTIALS_PATH.substring(0, CREDENTIALS_PATH.length() - 1))) {
      HttpReplies.text(exchange, 404, "not found");
      return;
    }
    ServedCredentials served = board.servable();
    if (served == null) {
      HttpReplies.text(exchange, 404, "no credentials yet: the agent has not obtained valid role credentials");
      return;
    }
    String rest = path.length() <= CREDENTIALS_PATH.length() ? "" : path.substring(CREDENTIALS_PATH.length());
    if (rest.isEmpty()) {
      HttpReplies.send(exchange, 200, HttpReplies.TEXT, served.roleNameBytes());
    } else if (rest.equals(served.roleName()) || rest.equals(served.roleName() + "/")) {
      HttpReplies.send(exchange, 200, HttpReplies.JSON, served.document());
    } else {
      HttpReplies.text(exchange, 404, "not found");
    }
  }
}
