package dev.lanyard.cli.verb;

import com.google.protobuf.Message;
import dev.lanyard.sdk.client.LanyardClient;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One command of a generic group: {@code lanyard iam create-user} is the verb {@code create-user}
 * calling {@code IamService/CreateUser}. Its options are the request's fields, named as the AWS CLI
 * names them ({@code user_name} is {@code --user-name}).
 *
 * @param name the verb, kebab-case of the action name
 * @param description one line for {@code --help}
 * @param prototype the request message's default instance
 * @param signed whether the call is signed (all but web identity and SAML)
 * @param required the request fields that must be given
 * @param aliases extra option names of some fields
 * @param invoker makes the call
 */
public record Verb(String name, String description, Message prototype, boolean signed, Set<String> required,
    Map<String, List<String>> aliases, Invoker invoker) {

  /** Makes the call with a client. */
  @FunctionalInterface
  public interface Invoker {
    Message invoke(LanyardClient client, Message request);
  }

  public Verb {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prototype, "prototype");
    required = Set.copyOf(required);
    aliases = Map.copyOf(aliases);
    for (String field : required) {
      if (prototype.getDescriptorForType().findFieldByName(field) == null) {
        throw new IllegalArgumentException("required: " + prototype.getDescriptorForType().getName()
            + " has no field " + field);
      }
    }
  }

  /** A signed call over the client's channel, without retries (IAM, Authorizer). */
  public static <Q extends Message, R extends Message> Verb call(String name, MethodDescriptor<Q, R> method,
      String description, String... required) {
    @SuppressWarnings("unchecked")
    Invoker invoker = (client, request) ->
        ClientCalls.blockingUnaryCall(client.channel(), method, CallOptions.DEFAULT, (Q) request);
    return new Verb(name, description, prototype(method), true, Set.of(required), Map.of(), invoker);
  }

  /** A call through one of the client's typed STS methods (with its retries). */
  public static <Q extends Message, R extends Message> Verb sts(String name, MethodDescriptor<Q, R> method,
      BiFunction<LanyardClient, Q, R> call, boolean signed, String description, String... required) {
    @SuppressWarnings("unchecked")
    Invoker invoker = (client, request) -> call.apply(client, (Q) request);
    return new Verb(name, description, prototype(method), signed, Set.of(required), Map.of(), invoker);
  }

  /** The same verb with {@code option} as another name of {@code field}'s option. */
  public Verb withAlias(String field, String option) {
    Map<String, List<String>> more = new HashMap<>(aliases);
    List<String> names = new ArrayList<>(more.getOrDefault(field, List.of()));
    names.add(option);
    more.put(field, List.copyOf(names));
    return new Verb(name, description, prototype, signed, required, more, invoker);
  }

  private static Message prototype(MethodDescriptor<?, ?> method) {
    if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> marshaller
        && marshaller.getMessagePrototype() instanceof Message message) {
      return message;
    }
    throw new IllegalArgumentException("method " + method.getFullMethodName() + " has no protobuf request prototype");
  }
}
