using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

namespace VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;

/// <summary>An operator can keep every note on the local rules (Analysis:UseLanguageModel = false), whatever keys owners stored.</summary>
public sealed class ChatAnalysisSwitchedOffTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Analysis:UseLanguageModel"] = "false" };

    [Test]
    public async Task Owners_with_keys_still_get_the_local_rules()
    {
        var owner = await this.CreateAccountAsync("switchedoff");
        using var client = this.ClientFor(owner);
        foreach (var provider in new[] { "openai", "groq" })
        {
            var stored = await client.PutAsJsonAsync($"/api/v1/me/api-keys/{provider}", new { apiKey = $"sk-{Guid.NewGuid():N}" });
            Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await using var scope = CreateScope();
        var analyser = await scope.ServiceProvider.GetRequiredService<ITextAnalysers>().ForOwnerAsync(new UserId(owner.UserId), CancellationToken.None);

        Assert.That(analyser, Is.InstanceOf<LocalAnalyser>());
    }
}
