using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>The MediatR 5.1 pipeline wired by hand: validation and authorization run before the handler, in order.</summary>
public sealed class PipelineBehaviourTests
{
    [Test]
    public async Task An_invalid_request_fails_with_every_field_and_never_reaches_its_handler()
    {
        var (sender, calls) = Build(new FixedUser(UserId.New(), "notes:write"));
        var result = await sender.Send(new RenameThing(string.Empty, -1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.InstanceOf<ValidationError>());
            Assert.That(((ValidationError)result.Error).FieldErrors.Keys, Is.EquivalentTo(new[] { "name", "size" }));
            Assert.That(result.Error.Code, Is.EqualTo(ValidationError.ErrorCode));
            Assert.That(calls.Count, Is.Zero);
        });
    }

    [Test]
    public async Task A_rule_that_names_its_problem_code_gives_that_code()
    {
        var (sender, calls) = Build(new FixedUser(UserId.New(), "notes:write"));
        var result = await sender.Send(new RenameThing("a name far too long", 3));

        Assert.Multiple(() =>
        {
            Assert.That(result.Error.Code, Is.EqualTo("things.name_too_long"));
            Assert.That(((ValidationError)result.Error).FieldErrors.Keys, Is.EquivalentTo(new[] { "name" }));
            Assert.That(calls.Count, Is.Zero);
        });
    }

    [Test]
    public async Task Failures_with_different_codes_give_the_general_code()
    {
        var (sender, _) = Build(new FixedUser(UserId.New(), "notes:write"));
        var result = await sender.Send(new RenameThing("a name far too long", -1));
        Assert.That(result.Error.Code, Is.EqualTo(ValidationError.ErrorCode));
    }

    [Test]
    public async Task An_anonymous_caller_is_refused_before_validation()
    {
        var (sender, calls) = Build(new FixedUser(null));
        var result = await sender.Send(new RenameThing(string.Empty, -1));

        Assert.Multiple(() =>
        {
            Assert.That(result.Error.Code, Is.EqualTo("auth.not_authenticated"));
            Assert.That(calls.Count, Is.Zero);
        });
    }

    [Test]
    public async Task A_caller_without_the_declared_scope_is_forbidden()
    {
        var (sender, _) = Build(new FixedUser(UserId.New(), "notes:read"));
        var result = await sender.Send(new RenameThing("ok", 1));
        Assert.That(result.Error.Code, Is.EqualTo("auth.missing_scope"));
    }

    [Test]
    public async Task A_valid_request_by_an_entitled_caller_reaches_its_handler_once()
    {
        var (sender, calls) = Build(new FixedUser(UserId.New(), "notes:write"));
        var result = await sender.Send(new RenameThing("ok", 3));

        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo("ok:3"));
            Assert.That(calls.Count, Is.EqualTo(1));
        });
    }

    private static (ISender Sender, CallLog Calls) Build(ICurrentUser user)
    {
        var calls = new CallLog();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddApplicationCore()
            .AddSingleton(user)
            .AddSingleton(calls)
            .AddScoped<IRequestHandler<RenameThing, Result<string>>, RenameThingHandler>()
            .AddScoped<IValidator<RenameThing>, RenameThingValidator>()
            .BuildServiceProvider();
        return (provider.CreateScope().ServiceProvider.GetRequiredService<ISender>(), calls);
    }

    [Requires(Scope = "notes:write")]
    internal sealed record RenameThing(string Name, int Size) : IQuery<string>;

    internal sealed class RenameThingValidator : AbstractValidator<RenameThing>
    {
        public RenameThingValidator()
        {
            RuleFor(r => r.Name).NotEmpty();
            RuleFor(r => r.Name).MaximumLength(10).WithErrorCode("things.name_too_long");
            RuleFor(r => r.Size).GreaterThan(0);
        }
    }

    internal sealed class RenameThingHandler(CallLog calls) : IQueryHandler<RenameThing, string>
    {
        public Task<Result<string>> Handle(RenameThing request, CancellationToken cancellationToken)
        {
            calls.Count++;
            return Task.FromResult(Result.Success($"{request.Name}:{request.Size}"));
        }
    }

    internal sealed class CallLog
    {
        public int Count { get; set; }
    }

    private sealed class FixedUser(UserId? id, params string[] scopes) : ICurrentUser
    {
        public bool IsAuthenticated => id is not null;

        public UserId Id => id!.Value;

        public UserId? IdOrNull => id;

        public Guid? SessionId => null;

        public string? PartnerClientId => null;

        public bool HasScope(string scope) => scopes.Contains(scope);

        public bool HasPermission(string permission) => false;
    }
}
