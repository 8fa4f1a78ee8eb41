using System.Linq.Expressions;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// Applies an Ardalis specification to an EF query (docs/decisions/0006). No Ardalis EF package is
/// served here, so this is its evaluator cut to what the project uses: the core's criteria, order and
/// paging evaluators, then includes, tracking, split queries, the owner filter and the selector.
/// </summary>
public static class EfSpecificationEvaluator
{
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        // Dropping a criterion silently would widen a query, so what this evaluator cannot apply is refused.
        if (specification.SearchCriterias.Any())
        {
            throw new NotSupportedException("Search criteria (LIKE) are not supported; say EF.Functions.ILike in a Where.");
        }

        var query = WhereEvaluator.Instance.GetQuery(source, specification);
        query = IncludePaths(specification).Aggregate(query, (q, path) => q.Include(path));
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        query = PaginationEvaluator.Instance.GetQuery(query, specification);
        query = specification.AsNoTracking ? query.AsNoTracking() : specification.AsTracking ? query.AsTracking() : query;
        query = specification.AsSplitQuery ? query.AsSplitQuery() : query;

        // A specification may lift the owner filter only, by name: a filter added later stays on.
        return specification.IgnoreQueryFilters ? query.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]) : query;
    }

    public static IQueryable<TResult> WithSpecification<T, TResult>(this IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class =>
        source.WithSpecification((ISpecification<T>)specification).Select(specification.Selector ?? throw new SelectorNotFoundException());

    /// <summary>Include(x => x.A).ThenInclude(a => a.B) as EF's path "A.B", which needs no reflection over Include's overloads.</summary>
    private static IEnumerable<string> IncludePaths<T>(ISpecification<T> specification)
    {
        var paths = new List<string>();
        foreach (var include in specification.IncludeExpressions)
        {
            var member = include.LambdaExpression.Body is MemberExpression { Expression: ParameterExpression } access
                ? access.Member.Name
                : throw new NotSupportedException($"Include a navigation (x => x.Navigation), not {include.LambdaExpression}.");
            if (include.Type == IncludeTypeEnum.Include)
            {
                paths.Add(member);
            }
            else
            {
                paths[^1] += "." + member;
            }
        }

        return paths.Concat(specification.IncludeStrings);
    }
}
