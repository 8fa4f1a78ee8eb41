using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace VoiceNote.WebApi.Errors;

/// <summary>
/// What the framework's own binding failures become: a 400 that names the field in the client's words
/// (camelCase query, route or JSON path) and never the framework's text ("Failed to bind parameter
/// \"Nullable&lt;int&gt; Limit\"…"), CLR type names or server paths.
/// </summary>
internal static partial class BadRequestProblem
{
    /// <summary>The code binding failures have always had; the field now comes in <c>errors</c>.</summary>
    public const string Code = "bad_request";

    public static ProblemDetails From(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Plain(exception.StatusCode, "The request body is larger than this endpoint accepts.");
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Plain(exception.StatusCode, "This endpoint does not accept that content type.");
        }

        if (exception.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return Invalid("The request body is not valid JSON for this endpoint.", field, field == "body"
                ? "Send a JSON object."
                : "This value has the wrong type or format.");
        }

        // A body parameter's name is the handler's, not the client's: a body problem names "body".
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("The request body is missing or unreadable.", "body", "Send a JSON object.");
        }

        if (ParameterName().Match(exception.Message) is { Success: true } match)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value);
            return exception.Message.Contains("was not provided", StringComparison.Ordinal)
                ? Invalid($"'{name}' is required.", name, "Required.")
                : Invalid($"'{name}' is not a valid value.", name, "Not a valid value for this field.");
        }

        return Plain(exception.StatusCode, "The request is not valid.");
    }

    private static ProblemDetails Plain(int status, string detail) => new() { Status = status, Detail = detail };

    private static HttpValidationProblemDetails Invalid(string detail, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
            Extensions = { ["code"] = Code },
        };

    // ASP.NET Core's messages quote the parameter as "<type> <name>": the name is the last word.
    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}
