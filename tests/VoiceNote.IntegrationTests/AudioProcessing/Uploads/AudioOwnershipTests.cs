using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.Uploads;

/// <summary>
/// Generated from the host's route table: every /api/v1/audio/{id}* route answers 404 to a second
/// user given the first user's real id, and changes nothing (file and row stay where they were).
/// </summary>
public sealed class AudioOwnershipTests : DatabaseFixture
{
    // Uploads queue their processing; here it stays queued, so the status endpoints see a pending job.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };

    [Test]
    public async Task A_second_user_gets_404_on_every_audio_route_of_the_first()
    {
        var owner = await this.CreateAccountAsync("owner");
        var other = await this.CreateAccountAsync("other");
        using var ownerClient = this.ClientFor(owner);
        using var otherClient = this.ClientFor(other);
        var item = await AudioUploadTests.ReadAsync(await ownerClient.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("webm-opus"), false)), HttpStatusCode.Created);
        var id = item.GetProperty("id").GetGuid();
        var before = (await AudioUploadTests.ReadAsync(await ownerClient.GetAsync($"/api/v1/audio/{id}"), HttpStatusCode.OK)).GetRawText();

        var routes = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/audio/{id", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(5), "the route table was read");

        foreach (var (method, pattern) in routes)
        {
            var path = pattern.Replace("{id}", id.ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await otherClient.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{method} {pattern}: {text}");
        }

        var after = (await AudioUploadTests.ReadAsync(await ownerClient.GetAsync($"/api/v1/audio/{id}"), HttpStatusCode.OK)).GetRawText();
        Assert.That(after, Is.EqualTo(before), "the first user's recording is untouched");
        Assert.That(File.Exists(Path.Combine(Api.StorageRoot, "audio", "owners", owner.UserId.ToString(), $"{id}.webm")), Is.True);
        var list = await AudioUploadTests.ReadAsync(await otherClient.GetAsync("/api/v1/audio"), HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(0));
    }
}
