using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Specifications;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>Turns a <see cref="Specification{T}"/> into an EF query: criteria, includes, ordering, paging, tracking.</summary>
public static class SpecificationEvaluator
{
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, Specification<T> specification)
        where T : class
    {
        var query = specification.AsTracking ? source : source.AsNoTracking();
        foreach (var criterion in specification.Criteria)
        {
            query = query.Where(criterion);
        }

        foreach (var include in specification.Includes)
        {
            query = query.Include(include);
        }

        for (var i = 0; i < specification.Ordering.Count; i++)
        {
            var (key, descending) = specification.Ordering[i];
            var method = (i, descending) switch
            {
                (0, false) => nameof(Queryable.OrderBy),
                (0, true) => nameof(Queryable.OrderByDescending),
                (_, false) => nameof(Queryable.ThenBy),
                (_, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key));
            query = query.Provider.CreateQuery<T>(call);
        }

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }
}
