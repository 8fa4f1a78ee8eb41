using System.Linq.Expressions;

namespace VoiceNote.Application.Specifications;

/// <summary>
/// A named, reusable query: criteria, includes, ordering and paging. Owner scoping belongs in a
/// specification (or the DbContext's owner filter), never repeated by hand in a handler.
/// The EF evaluator lives in Infrastructure (<c>SpecificationEvaluator</c>).
/// </summary>
public abstract class Specification<T>
    where T : class
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<string> _includes = [];
    private readonly List<(LambdaExpression KeySelector, bool Descending)> _ordering = [];

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    public IReadOnlyList<string> Includes => _includes;

    public IReadOnlyList<(LambdaExpression KeySelector, bool Descending)> Ordering => _ordering;

    public int? Skip { get; private set; }

    public int? Take { get; private set; }

    public bool AsTracking { get; private set; }

    protected void Where(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);

    protected void Include(string navigationPath) => _includes.Add(navigationPath);

    protected void OrderBy<TKey>(Expression<Func<T, TKey>> key) => _ordering.Add((key, false));

    protected void OrderByDescending<TKey>(Expression<Func<T, TKey>> key) => _ordering.Add((key, true));

    protected void Page(int skip, int take)
    {
        Skip = skip;
        Take = take;
    }

    protected void Tracked() => AsTracking = true;
}
