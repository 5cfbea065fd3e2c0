package dev.lanyard.sdk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Unix socket for the Lanyard SDK ({@code <state-dir>/agent.sock}, mode 0600, in the 0700 state
 * folder): a client connects, the agent writes the credentials JSON (or {@link #UNAVAILABLE}) and
 * closes. Nothing is read from the client.
 */
final class AgentSocketServer implements AutoCloseable {
  static final byte[] UNAVAILABLE = ("{\"Code\":\"Unavailable\",\"Message\":\"the agent has no valid role"
      + " credentials yet\"}").getBytes(StandardCharsets.UTF_8);

  private final Path path;
  private final ServerSocketChannel server;
  private final CredentialsBoard board;
  private final Thread acceptor;

  AgentSocketServer(Path path, CredentialsBoard board) {
    this.path = path;
    this.board = board;
    try {
      Files.deleteIfExists(path); // a socket left by an agent that did not stop cleanly
      this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("agent socket " + path + ": cannot listen", e);
    }
    PrivateFiles.ownerOnly(path);
    this.acceptor = new Thread(this::serve, "lanyard-agent-socket");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Path path() {
    return path;
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        ServedCredentials served = board.servable();
        ByteBuffer out = ByteBuffer.wrap(served == null ? UNAVAILABLE : served.document());
        while (out.hasRemaining()) {
          client.write(out);
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        // one client went away mid-answer; keep serving the others
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      acceptor.join(2000);
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("agent socket " + path + ": cannot be removed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
