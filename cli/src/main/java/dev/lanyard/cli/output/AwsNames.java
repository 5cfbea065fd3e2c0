package dev.lanyard.cli.output;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import java.util.Locale;
import java.util.Map;

/**
 * AWS's spelling of Lanyard's proto names: {@code access_key_id} is {@code AccessKeyId},
 * {@code virtual_mfa_device} is {@code VirtualMFADevice}, {@code open_id_connect_provider_arn} is
 * {@code OpenIDConnectProviderArn}; enum value {@code ACCESS_KEY_STATUS_ACTIVE} is {@code Active}.
 */
public final class AwsNames {
  private static final Map<String, String> WHOLE_NAMES = Map.of(
      "client_id_list", "ClientIDList",
      "client_id", "ClientID");
  private static final Map<String, String> ACRONYMS = Map.of("mfa", "MFA", "saml", "SAML");

  private AwsNames() {}

  /** The AWS (PascalCase) name of a snake_case field name. */
  public static String field(String snakeCase) {
    String whole = WHOLE_NAMES.get(snakeCase);
    if (whole != null) {
      return whole;
    }
    String[] words = snakeCase.split("_");
    StringBuilder name = new StringBuilder(snakeCase.length());
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.equals("open") && i + 1 < words.length && words[i + 1].equals("id")) {
        name.append("OpenID");
        i++;
      } else if (ACRONYMS.containsKey(word)) {
        name.append(ACRONYMS.get(word));
      } else if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      }
    }
    return name.toString();
  }

  /** The command-line option of a snake_case field name: {@code --user-name}. */
  public static String option(String snakeCase) {
    return "--" + snakeCase.replace('_', '-');
  }

  /** The AWS name of an enum value: the enum's type prefix dropped, PascalCase ({@code Active}). */
  public static String enumValue(EnumValueDescriptor value) {
    String name = value.getName();
    String prefix = upperSnake(value.getType().getName()) + "_";
    String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    return field(rest.toLowerCase(Locale.ROOT));
  }

  /** {@code AccessKeyStatus} as {@code ACCESS_KEY_STATUS}. */
  static String upperSnake(String pascalCase) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pascalCase.length(); i++) {
      char c = pascalCase.charAt(i);
      boolean boundary = i > 0 && Character.isUpperCase(c)
          && (Character.isLowerCase(pascalCase.charAt(i - 1))
              || (i + 1 < pascalCase.length() && Character.isLowerCase(pascalCase.charAt(i + 1))));
      if (boundary) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
