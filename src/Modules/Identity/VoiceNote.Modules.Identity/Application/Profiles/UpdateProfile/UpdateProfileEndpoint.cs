using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Identity.Application.Profiles.UpdateProfile;

internal sealed class UpdateProfileEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/me/profile", async (UpdateProfile command, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(command with { IfMatch = http.IfMatch() }, ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.ProfileWrite)
            .WithTags("Profile")
            .WithName("updateProfile").Produces<ProfileDto>().ProducesProblem(412)
            .WithSummary("Replace the profile: roles, AI context (prompt, jargon), work hours and days, time zone, language, summary quality, settings");
}
