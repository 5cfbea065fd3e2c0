package dev.lanyard.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run's measured window: calls, throughput, decisions, latency percentiles
 * (milliseconds), errors by code, and how it was run. Renders as text, JSON and a markdown table.
 */
record RunReport(
    String scenario,
    String mode,
    List<String> targets,
    int connections,
    int batchSize,
    Duration warmup,
    Duration duration,
    Instant startedAt,
    long okCalls,
    long failedCalls,
    double callsPerSecond,
    double decisionsPerSecond,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    double meanMs,
    Map<String, Long> errorsByCode,
    Map<String, Long> itemFailuresByCode,
    String java,
    int processors) {

  static RunReport of(LoadOptions o, Instant startedAt, LatencyLog log) {
    Histogram h = log.measuredHistogram();
    double seconds = o.duration().toNanos() / 1e9;
    Map<String, Long> errors = log.errorsByCode();
    long failed = errors.values().stream().mapToLong(Long::longValue).sum();
    return new RunReport(o.scenario().cliName(), o.modeDescription(),
        o.targets().stream().map(Object::toString).toList(), o.connections(),
        o.scenario() == Scenario.AUTHORIZE_BATCH ? o.batchSize() : 1, o.warmup(), o.duration(), startedAt,
        log.okCalls(), failed, log.okCalls() / seconds, log.decisions() / seconds,
        ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount() == 0 ? 0 : h.getMean() / 1000,
        errors, log.itemFailuresByCode(), Runtime.version().toString(), Runtime.getRuntime().availableProcessors());
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  /** Whether any decision was asked for (the Authorize scenarios). */
  boolean decides() {
    return scenario.startsWith("authorize");
  }

  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario);
    m.put("mode", mode);
    m.put("targets", targets);
    m.put("connectionsPerTarget", connections);
    m.put("batchSize", batchSize);
    m.put("warmupSeconds", warmup.toMillis() / 1000.0);
    m.put("durationSeconds", duration.toMillis() / 1000.0);
    m.put("startedAt", startedAt.toString());
    m.put("okCalls", okCalls);
    m.put("failedCalls", failedCalls);
    m.put("callsPerSecond", round(callsPerSecond));
    if (decides()) {
      m.put("decisionsPerSecond", round(decisionsPerSecond));
    }
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50", p50Ms);
    latency.put("p90", p90Ms);
    latency.put("p99", p99Ms);
    latency.put("p99.9", p999Ms);
    latency.put("max", maxMs);
    latency.put("mean", round(meanMs));
    m.put("latencyMs", latency);
    m.put("errorsByCode", errorsByCode);
    m.put("batchItemFailuresByCode", itemFailuresByCode);
    m.put("java", java);
    m.put("availableProcessors", processors);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the report could not be written as JSON", e);
    }
  }

  String toMarkdown() {
    return "| scenario | mode | targets | calls/s | decisions/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms"
        + " | ok calls | errors |\n"
        + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
        + "| " + scenario + " | " + mode + " | " + String.join(", ", targets) + " | " + fixed(callsPerSecond)
        + " | " + (decides() ? fixed(decisionsPerSecond) : "-") + " | " + p50Ms + " | " + p90Ms + " | " + p99Ms
        + " | " + p999Ms + " | " + maxMs + " | " + okCalls + " | " + errorText() + " |\n";
  }

  String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%s, %s, %s, warm-up %ds, measured %ds%n", scenario, mode, String.join(",", targets),
        warmup.toSeconds(), duration.toSeconds()));
    b.append(String.format("calls ok %d, failed %d, throughput %s calls/s", okCalls, failedCalls,
        fixed(callsPerSecond)));
    if (decides()) {
      b.append(String.format(", %s decisions/s (batch of %d)", fixed(decisionsPerSecond), batchSize));
    }
    b.append(String.format("%nlatency ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  mean %.3f%n",
        p50Ms, p90Ms, p99Ms, p999Ms, maxMs, meanMs));
    b.append("errors: ").append(errorText()).append('\n');
    return b.toString();
  }

  private String errorText() {
    String calls = errorsByCode.isEmpty() ? "none" : join(errorsByCode);
    return itemFailuresByCode.isEmpty() ? calls : calls + "; batch items: " + join(itemFailuresByCode);
  }

  private static String join(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String fixed(double v) {
    return String.format("%.0f", v);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
