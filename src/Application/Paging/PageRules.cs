using FluentValidation;

namespace VoiceNote.Application.Paging;

/// <summary>The limit rule of every list, named <c>limit</c> as the client sent it.</summary>
public static class PageRules
{
    public static IRuleBuilderOptions<T, PageQuery> ValidPage<T>(this IRuleBuilder<T, PageQuery> rule) =>
        rule.Must(p => p.Limit is >= 1 and <= PageQuery.MaxLimit)
            .WithMessage($"Use 1 to {PageQuery.MaxLimit}.")
            .OverridePropertyName("limit");
}
