package dev.lanyard.load;

import dev.lanyard.load.idp.IdpDirectory;
import dev.lanyard.load.idp.LoopbackOidcProvider;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardServiceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a web-identity run needs around the drivers: the generator's OpenID Connect provider on
 * {@code https://127.0.0.1:<--idp-port>} with the material of {@code --idp-dir}, the provider and
 * role registered ({@code --setup}) or the role given ({@code --role-arn}), the token pool, and a
 * check that every target accepts a token before the run starts. Closing stops the token refresh
 * and the provider.
 */
final class WebIdentityLoad implements AutoCloseable {
  static final String SESSION_NAME = "lanyard-load-web";

  private final LoopbackOidcProvider idp;
  private final WebIdentityTokens tokens;
  private final String roleArn;

  private WebIdentityLoad(LoopbackOidcProvider idp, WebIdentityTokens tokens, String roleArn) {
    this.idp = idp;
    this.tokens = tokens;
    this.roleArn = roleArn;
  }

  /**
   * Starts the provider, sets up (with {@code --setup}) and checks every target.
   *
   * @param start the starting credentials, used by {@code --setup} only (null without it)
   */
  static WebIdentityLoad start(LoadOptions o, CredentialsFile start, PrintStream out)
      throws IOException, InterruptedException {
    IdpDirectory.Opened opened = IdpDirectory.openOrCreate(o.idpDir());
    out.println("idp: " + (opened.created() ? "created" : "using") + " the IdP in " + o.idpDir()
        + "; nodes trust it with --oidc-ca-file " + opened.caFile());
    LoopbackOidcProvider idp = LoopbackOidcProvider.start(opened.material(), o.idpPort());
    WebIdentityTokens tokens = null;
    try {
      out.println("idp: serving " + idp.url());
      String roleArn = o.roleArn();
      if (o.setup()) {
        try (LanyardClient admin = LoadGenerator.client(o.targets().subList(0, 1), start.credentials())) {
          roleArn = WebIdentitySetup.run(admin.iam(), idp, out);
        }
      }
      tokens = new WebIdentityTokens(idp, Clock.systemUTC());
      awaitAccepted(o.targets(), roleArn, tokens, opened.caFile(), o.setup(), out);
      return new WebIdentityLoad(idp, tokens, roleArn);
    } catch (InterruptedException | RuntimeException e) {
      if (tokens != null) {
        tokens.close();
      }
      idp.close();
      throw e;
    }
  }

  /** Unsigned, with the token pool, for the role. */
  LoadIdentity identity() {
    return new LoadIdentity(null, roleArn, tokens);
  }

  static AssumeRoleWithWebIdentityRequest request(String roleArn, String token) {
    return AssumeRoleWithWebIdentityRequest.newBuilder().setRoleArn(roleArn).setRoleSessionName(SESSION_NAME)
        .setWebIdentityToken(token).build();
  }

  /**
   * Waits until every target exchanges a token: after {@code --setup} for up to
   * {@link LoadSetup#PROPAGATION_WAIT} (other nodes of a cluster see the new provider and role
   * within their staleness bound), else the first refusal is final. A node that cannot fetch the
   * provider's keys is reported at once: it keeps that failure for a minute.
   */
  private static void awaitAccepted(List<Endpoint> targets, String roleArn, WebIdentityTokens tokens, Path caFile,
      boolean afterSetup, PrintStream log) throws InterruptedException {
    long deadline = System.nanoTime() + (afterSetup ? LoadSetup.PROPAGATION_WAIT : Duration.ZERO).toNanos();
    for (Endpoint target : targets) {
      long start = System.nanoTime();
      try (LanyardClient client = LoadGenerator.client(List.of(target), null)) {
        while (true) {
          try {
            client.assumeRoleWithWebIdentity(request(roleArn, tokens.token(0)));
            log.printf("setup: %s accepts the web identity token after %d ms%n", target,
                (System.nanoTime() - start) / 1_000_000);
            break;
          } catch (LanyardServiceException e) {
            if ("IDPCommunicationError".equals(e.errorCode())) {
              throw new IllegalStateException(target + " cannot fetch the keys of the load generator's IdP"
                  + " (IDPCommunicationError): start the node with --oidc-ca-file " + caFile
                  + " so that it trusts the IdP's certificate", e);
            }
            if (System.nanoTime() - deadline > 0) {
              throw new IllegalStateException(target + " refuses the web identity token for " + roleArn + " ("
                  + e.errorCode() + ")" + (afterSetup ? " after " + LoadSetup.PROPAGATION_WAIT.toSeconds() + " s"
                  : "; run with --setup, or give a --role-arn whose trust policy allows this IdP's tokens"), e);
            }
            Thread.sleep(50);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    tokens.close();
    idp.close();
  }
}
