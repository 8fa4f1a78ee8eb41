using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Behaviours;

/// <summary>Runs every validator of the request and turns all their failures into one <see cref="ValidationError"/>.</summary>
internal sealed partial class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var all = validators.ToArray();
        if (all.Length == 0)
        {
            return await next();
        }

        var context = new ValidationContext<TRequest>(request);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in all)
        {
            var outcome = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(outcome.Errors);
        }

        if (failures.Count == 0)
        {
            return await next();
        }

        var fieldErrors = failures
            .GroupBy(f => ToCamelCase(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return ResultFactory.Failure<TResponse>(new ValidationError(fieldErrors, ProblemCodeOf(failures)));
    }

    // A rule may name its problem code (WithErrorCode("audio.invalid_engine")) so a module keeps the stable
    // codes its clients know; FluentValidation's own codes ("MaximumLengthValidator") are not problem codes.
    // Failures of several rules with different codes fall back to the general code.
    private static string ProblemCodeOf(List<FluentValidation.Results.ValidationFailure> failures)
    {
        var codes = failures.Select(f => f.ErrorCode).Distinct(StringComparer.Ordinal).ToList();
        // A custom rule's AddFailure(message) leaves the code null.
        return codes is [{ } code] && ProblemCode().IsMatch(code) ? code : ValidationError.ErrorCode;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex ProblemCode();

    // Field names in problem responses match the JSON the client sent (camelCase), dotted paths kept.
    private static string ToCamelCase(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
