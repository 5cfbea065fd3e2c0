package dev.lanyard.sts.store.jdbc;

/** IAM ARNs in AWS syntax for the configured partition: {@code arn:<partition>:iam::<account>:<type><path><name>}. */
final class Arns {
    private final String partition;

    Arns(String partition) {
        this.partition = partition;
    }

    String partition() {
        return partition;
    }

    String user(String account, String path, String name) {
        return iam(account, "user" + path + name);
    }

    String group(String account, String path, String name) {
        return iam(account, "group" + path + name);
    }

    String role(String account, String path, String name) {
        return iam(account, "role" + path + name);
    }

    String policy(String account, String path, String name) {
        return iam(account, "policy" + path + name);
    }

    String instanceProfile(String account, String path, String name) {
        return iam(account, "instance-profile" + path + name);
    }

    String mfa(String account, String path, String name) {
        return iam(account, "mfa" + path + name);
    }

    String oidcProvider(String account, String urlWithoutScheme) {
        return iam(account, "oidc-provider/" + urlWithoutScheme);
    }

    String samlProvider(String account, String name) {
        return iam(account, "saml-provider/" + name);
    }

    /** True for an AWS managed policy ARN of any partition ({@code arn:*:iam::aws:policy/...}). */
    static boolean isAwsManagedPolicy(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam") && parts[4].equals("aws")
                && parts[5].startsWith("policy/");
    }

    /** The last path segment of an ARN's resource (a policy's or entity's name). */
    static String nameOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private String iam(String account, String resource) {
        return "arn:" + partition + ":iam::" + account + ":" + resource;
    }
}
