package dev.lanyard.sts.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallExecutorsTest {
  private static final MethodDescriptor<byte[], byte[]> SLOW = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("test.Admin/Slow")
      .setRequestMarshaller(Bytes.INSTANCE)
      .setResponseMarshaller(Bytes.INSTANCE)
      .build();

  @Test
  void hotCallsRunOnTheFixedPoolAndOthersElsewhereSoASlowCallNeverHoldsThemUp() throws Exception {
    String name = InProcessServerBuilder.generateName();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch release = new CountDownLatch(1);
    ServerServiceDefinition admin = ServerServiceDefinition.builder("test.Admin")
        .addMethod(SLOW, ServerCalls.asyncUnaryCall((request, out) -> {
          threads.add(Thread.currentThread().getName());
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out.onNext(request);
          out.onCompleted();
        }))
        .build();
    HealthStatusManager health = new HealthStatusManager();
    try (CallExecutors executors = new CallExecutors(Set.of(HealthGrpc.getCheckMethod().getFullMethodName()), 1)) {
      Server server = InProcessServerBuilder.forName(name).directExecutor().callExecutor(executors)
          .addService(health.getHealthService()).addService(admin).build().start();
      ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
      try {
        // Two slow calls hold two threads of the other pool...
        var first = ClientCalls.futureUnaryCall(channel.newCall(SLOW, CallOptions.DEFAULT), new byte[] {1});
        var second = ClientCalls.futureUnaryCall(channel.newCall(SLOW, CallOptions.DEFAULT), new byte[] {2});
        // ...while the hot pool of one thread still answers at once.
        for (int i = 0; i < 3; i++) {
          HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance());
        }
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertEquals(2, threads.size(), "each slow call had a thread of its own: " + threads);
        assertTrue(threads.stream().allMatch(t -> t.startsWith("lanyard-grpc-") && !t.startsWith("lanyard-grpc-hot")),
            threads.toString());
      } finally {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aPoolNeedsAThread() {
    assertThrows(IllegalArgumentException.class, () -> new CallExecutors(Set.of(), 0));
  }

  private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public java.io.InputStream stream(byte[] value) {
      return new java.io.ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(java.io.InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
