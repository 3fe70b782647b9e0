using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Programs;

// A program imported into the bot's storage, and chats for the people in it.
public sealed record ProgramInChat(JourneyProgram Program, Activities Owner, Activities Sponsor, IReadOnlyList<Activities> Contacts)
{
    public static async Task<ProgramInChat> CreateAsync(BotFixture fixture, int departments = 3)
    {
        var tenant = Guid.NewGuid().ToString();
        Activities Chat() => new(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = tenant };
        var owner = Chat();
        var sponsor = Chat();
        var contacts = Enumerable.Range(0, departments).Select(_ => Chat()).ToList();
        var charter = SamplePrograms.CompleteCharter(stages: 4, departments: departments, personas: 2) with
        {
            Owners = [new Person(owner.UserAadObjectId, "Olivia Owner")],
            Sponsors = [new Person(sponsor.UserAadObjectId, "Sam Sponsor")],
            Departments = contacts.Select((c, i) => new Department($"d{i + 1}", $"Department {i + 1}", [new Person(c.UserAadObjectId, $"Contact {i + 1}")])).ToList(),
        };
        var program = SamplePrograms.Program(charter) with { Id = "p" + Guid.NewGuid().ToString("N"), TenantId = tenant };
        await fixture.Bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        return new ProgramInChat(program, owner, sponsor, contacts);
    }
}
