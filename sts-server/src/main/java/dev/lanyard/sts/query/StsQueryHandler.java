package dev.lanyard.sts.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.RequestAuthenticator;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.grpc.RequestIds;
import dev.lanyard.sts.session.StsOperations;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS STS Query API on the HTTP port (path {@code /}), so that unmodified AWS SDKs and the AWS
 * CLI work against Lanyard: {@code POST} form bodies and {@code GET} query strings with
 * {@code Action} and {@code Version=2011-06-15}; SigV4, in the {@code Authorization} header or
 * presigned in the query string, verified by the same {@link RequestAuthenticator} as the gRPC door
 * (service {@code sts}, the node's region) except for the federation actions; the operation run
 * through the {@link CallRecorder} with door {@code http}; the answer in AWS's XML, errors as {@code <ErrorResponse>} with AWS's HTTP status,
 * and the request id in {@code x-amzn-RequestId}.
 */
public final class StsQueryHandler implements HttpHandler {
  /** The largest body accepted; STS requests are small (a session policy is at most 2,048 characters). */
  public static final int MAX_BODY_BYTES = 256 * 1024;
  /** The SigV4 service name AWS clients sign STS requests for. */
  public static final String SIGNING_SERVICE = "sts";
  /** The door label in audit records and metrics. */
  public static final String DOOR = "http";

  private static final Logger LOG = Logger.getLogger(StsQueryHandler.class.getName());

  private final Map<String, QueryAction> actions;
  private final RequestAuthenticator authenticator;
  private final CallRecorder recorder;

  /** Serves every STS action of {@code ops}. */
  public StsQueryHandler(StsOperations ops, RequestAuthenticator authenticator, CallRecorder recorder) {
    this(StsQueryActions.of(ops), authenticator, recorder);
  }

  StsQueryHandler(Map<String, QueryAction> actions, RequestAuthenticator authenticator,
      CallRecorder recorder) {
    this.actions = Map.copyOf(actions);
    this.authenticator = authenticator;
    this.recorder = recorder;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = RequestIds.newId();
    byte[] body;
    int status;
    try {
      body = answer(exchange, requestId);
      status = 200;
    } catch (QueryProtocolException e) {
      body = QueryXml.error(e.error(), requestId);
      status = e.error().httpStatus();
    } catch (LanyardException e) {
      QueryError error = QueryError.of(e);
      body = QueryXml.error(error, requestId);
      status = error.httpStatus();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "STS Query request " + requestId + " failed inside the service", e);
      QueryError error = QueryError.internal(requestId);
      body = QueryXml.error(error, requestId);
      status = error.httpStatus();
    }
    send(exchange, status, body, requestId);
  }

  private byte[] answer(HttpExchange exchange, String requestId) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "GET, POST");
      throw new QueryProtocolException(QueryError.methodNotAllowed(method));
    }
    ReceivedRequest request = ReceivedRequest.read(exchange, MAX_BODY_BYTES);
    QueryParameters parameters = request.parameters();
    String action = parameters.text("Action");
    if (action == null || action.isEmpty()) {
      throw new QueryProtocolException(QueryError.missingAction());
    }
    String version = parameters.text("Version");
    if (version == null || version.isEmpty()) {
      throw new QueryProtocolException(QueryError.missingParameter("Version",
          "the API version; STS speaks Version=" + QueryParameters.VERSION));
    }
    QueryAction known = actions.get(action);
    if (known == null || !version.equals(QueryParameters.VERSION)) {
      throw new QueryProtocolException(QueryError.invalidAction(action, version));
    }
    Caller caller = known.signed() ? authenticate(request) : null;
    QueryAction.Call call = known.reader().apply(parameters);
    QueryXml.ResultBody result = recorder.record(new CallRecorder.Call(DOOR, action, requestId, caller,
        request.sourceAddress(), call.auditParameters()), () -> call.operation().run(caller, request.sourceAddress()));
    return QueryXml.result(action, requestId, result);
  }

  private Caller authenticate(ReceivedRequest request) {
    try {
      return authenticator.authenticate(request.signable(), request.sourceAddress());
    } catch (IllegalArgumentException e) {
      throw new LanyardException(AwsErrorCode.IncompleteSignature, e.getMessage(), false);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body, String requestId)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
