using Microsoft.AspNetCore.Http;
using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Http;

/// <summary>Endpoints translate a use case's result to HTTP here: the success shape is theirs, failures are always problems.</summary>
public static class ResultHttpExtensions
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : ProblemResults.From(result.Error);

    public static IResult ToHttp(this Result result, Func<IResult> onSuccess) =>
        result.IsSuccess ? onSuccess() : ProblemResults.From(result.Error);

    public static IResult ToOk<T>(this Result<T> result) => result.ToHttp(value => TypedResults.Ok(value));

    public static IResult ToNoContent(this Result result) => result.ToHttp(TypedResults.NoContent);
}
