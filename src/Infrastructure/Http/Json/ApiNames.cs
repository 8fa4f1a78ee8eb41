using System.Text.Json;

namespace VoiceNote.Infrastructure.Http.Json;

/// <summary>Stored enum-like strings ("processed", "openai-compatible") in the API's UPPER_SNAKE casing (ADR 0061); storage keeps its spelling.</summary>
public static class ApiNames
{
    public static string UpperSnake(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name.Trim().Replace('-', '_'));

    public static string? UpperSnakeOrNull(string? name) => name is null ? null : UpperSnake(name);
}
