namespace VoiceNote.Infrastructure.Telemetry;

/// <summary>Bound from "Observability" (docs/decisions/0089): every exporter is off until configured.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>The service.name resource of traces and metrics.</summary>
    public string ServiceName { get; set; } = "voicenote";

    public OtlpExport Otlp { get; set; } = new();

    public PrometheusScrape Prometheus { get; set; } = new();

    /// <summary>How often the queue gauges are read from the job tables (only while metrics are exported).</summary>
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Readiness is Degraded once a runnable job has waited this long in any queue.</summary>
    public TimeSpan QueueLagDegradedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Readiness is Unhealthy once a runnable job has waited this long; unset (the default) never.</summary>
    public TimeSpan? QueueLagUnhealthyAfter { get; set; }

    /// <summary>Whether anything reads the metrics (then the queue gauges are sampled).</summary>
    public bool ExportsMetrics => Otlp.IsConfigured || Prometheus.Enabled;

    public sealed class OtlpExport
    {
        /// <summary>The collector, e.g. http://otel-collector:4317; traces and metrics are sent there when set.</summary>
        public string? Endpoint { get; set; }

        /// <summary>"grpc" (the default) or "http/protobuf".</summary>
        public string Protocol { get; set; } = "grpc";

        public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
    }

    public sealed class PrometheusScrape
    {
        /// <summary>Serves /metrics on the API host; off by default.</summary>
        public bool Enabled { get; set; }

        /// <summary>The bearer token a scraper must send; /metrics refuses every request without it (and is not served when it is empty).</summary>
        public string? ScrapeToken { get; set; }

        public string Path { get; set; } = "/metrics";
    }
}
