package dev.lanyard.sdk.agent;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One of the agent's HTTP endpoints: the JDK server on a loopback address, a small thread pool. */
final class LoopbackHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  LoopbackHttpServer(String name, InetSocketAddress address, HttpHandler handler, int threadCount) {
    LoopbackAddress.require(address, name);
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(threadCount, r -> {
      Thread t = new Thread(r, "lanyard-agent-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      NoDelay.enable();
      this.server = HttpServer.create(address, 256);
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException(name + ": cannot listen on " + address, e);
    }
    server.createContext("/", handler);
    server.setExecutor(threads);
    server.start();
  }

  /** The bound address (with the actual port when 0 was asked). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
