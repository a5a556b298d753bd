package dev.playfield.sim;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The report as one self-contained HTML page: the JSON report embedded, charts drawn by uPlot
 * (inlined from its WebJar, so the page opens without a network).
 */
final class HtmlReport {

  private HtmlReport() {}

  static String render(JsonObject report) {
    String version = uplotVersion();
    String base = "/META-INF/resources/webjars/uplot/" + version + "/dist/";
    String script = resource(base + "uPlot.iife.min.js");
    String css = resource(base + "uPlot.min.css");
    String data = report.encode().replace("</", "<\\/");
    return TEMPLATE
        .replace("%CSS%", css)
        .replace("%SCRIPT%", script.replace("</script", "<\\/script"))
        .replace("%DATA%", data)
        .replace("%TITLE%", "game-client-sim: " + report.getInteger("bots") + " bots, "
            + report.getString("encoding"));
  }

  private static String uplotVersion() {
    Properties properties = new Properties();
    try (InputStream in = HtmlReport.class.getResourceAsStream("/game-client-sim.properties")) {
      properties.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("game-client-sim.properties missing from the jar", e);
    }
    return properties.getProperty("uplot.version");
  }

  private static String resource(String path) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String TEMPLATE = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>%TITLE%</title>
      <style>%CSS%
      body{font-family:system-ui,sans-serif;margin:2em;color:#222}
      h1{font-size:1.4em} h2{font-size:1.1em;margin-top:2em}
      table{border-collapse:collapse} td,th{padding:.2em .8em;text-align:right;border-bottom:1px solid #ddd}
      th:first-child,td:first-child{text-align:left}
      </style></head><body>
      <h1>%TITLE%</h1>
      <div id="summary"></div>
      <h2>Latency by percentile (ms)</h2><div id="percentiles"></div>
      <h2>Connected bots</h2><div id="connected"></div>
      <h2>Messages per second</h2><div id="messages"></div>
      <h2>Acknowledgement latency p99 per second (ms)</h2><div id="p99"></div>
      <script>%SCRIPT%</script>
      <script>
      const report = %DATA%;
      const width = Math.min(960, document.body.clientWidth - 20);
      const rows = [["ack latency", report.ack_latency_ms], ["ping rtt", report.rtt_ms],
                    ["state inter-arrival", report.state_interarrival_ms], ["queue wait", report.queue_wait_ms]];
      let html = "<table><tr><th></th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>";
      for (const [name, p] of rows) {
        html += `<tr><td>${name}</td><td>${p.count}</td><td>${p.p50}</td><td>${p.p90}</td><td>${p.p99}</td><td>${p.p999}</td><td>${p.max}</td></tr>`;
      }
      html += "</table><p>" + `matches: ${report.matches_started} started, ${report.matches_completed} completed, ` +
        `${report.matches_aborted} aborted; errors: ${JSON.stringify(report.errors)}; ` +
        `unexpected disconnects: ${report.disconnects}; traffic per bot: ${report.bytes_in_per_bot_s} B/s in, ` +
        `${report.bytes_out_per_bot_s} B/s out; measured ${report.duration_s} s after ${report.warmup_s} s warmup.</p>`;
      document.getElementById("summary").innerHTML = html;

      // Percentile axis: x = log10(1 / (1 - q)), so 90, 99, 99.9 sit at equal steps.
      const qs = report.ack_latency_ms.curve.map(c => c[0]).filter(q => q < 100);
      const xs = qs.map(q => Math.log10(100 / (100 - q)));
      const curve = p => p.curve.filter(c => c[0] < 100).map(c => c[1]);
      new uPlot({width, height: 320, scales: {x: {time: false}},
        axes: [{values: (u, vals) => vals.map(v => (100 - 100 / Math.pow(10, v)).toFixed(v > 2 ? 2 : 1) + "%")}, {}],
        series: [{label: "percentile", value: (u, v) => v == null ? "" : (100 - 100 / Math.pow(10, v)).toFixed(2) + "%"},
          {label: "ack latency", stroke: "#d62728", points: {show: true}},
          {label: "ping rtt", stroke: "#1f77b4", points: {show: true}},
          {label: "state inter-arrival", stroke: "#2ca02c", points: {show: true}}]},
        [xs, curve(report.ack_latency_ms), curve(report.rtt_ms), curve(report.state_interarrival_ms)],
        document.getElementById("percentiles"));

      const tl = report.timeline;
      const timeOpts = (series) => ({width, height: 240, scales: {x: {time: false}},
        axes: [{label: "seconds"}, {}], series: [{label: "t (s)"}, ...series]});
      new uPlot(timeOpts([{label: "connected", stroke: "#1f77b4"}, {label: "in match", stroke: "#ff7f0e"}]),
        [tl.t_s, tl.connected, tl.in_match], document.getElementById("connected"));
      new uPlot(timeOpts([{label: "in", stroke: "#2ca02c"}, {label: "out", stroke: "#9467bd"}]),
        [tl.t_s, tl.messages_in_per_s, tl.messages_out_per_s], document.getElementById("messages"));
      new uPlot(timeOpts([{label: "ack p99 (ms)", stroke: "#d62728"}]),
        [tl.t_s, tl.ack_p99_ms], document.getElementById("p99"));
      </script></body></html>
      """;
}
