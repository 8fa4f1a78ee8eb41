using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Notes.Application.Search.Reembed;

/// <summary><c>reembed-notes</c>: re-embeds every note with the configured model, printing progress; run it again to continue.</summary>
internal sealed class ReembedNotesVerb : ICliVerb
{
    public string Name => "reembed-notes";

    public string Usage => "reembed-notes";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var final = await scope.ServiceProvider.GetRequiredService<ReembedAllNotes>().RunAsync(
            p =>
            {
                Console.WriteLine($"{p.Model}: {p.Done}/{p.Total} notes ({p.Embedded} embedded, {p.Failed} failed)");
                return Task.CompletedTask;
            },
            cancellationToken);
        return final.Failed == 0 ? 0 : 1;
    }
}
