using System.Collections.Concurrent;
using System.Text;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// The text of every response (status line, headers, body) that passed through a <see cref="Forwarder"/>,
/// for tests that prove a secret never comes back from the API.
/// </summary>
internal sealed class RecordedResponses
{
    private readonly ConcurrentQueue<string> _responses = new();

    public IReadOnlyCollection<string> All => _responses.ToArray();

    /// <summary>One per client (a handler belongs to one pipeline); all of them record into the same store.</summary>
    public sealed class Forwarder(RecordedResponses store) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var text = new StringBuilder($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode} {response.ReasonPhrase}\n");
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                text.Append(name).Append(": ").AppendJoin(", ", values).Append('\n');
            }

            text.Append(await response.Content.ReadAsStringAsync(cancellationToken));
            store._responses.Enqueue(text.ToString());
            return response;
        }
    }
}
