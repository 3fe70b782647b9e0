using JourneyBot.Domain;

namespace JourneyBot.Meetings;

public sealed record DepartmentProgress(string Id, string Name, int Active, int Verified);

// How far the review in the meeting has come: touchpoints verified since the review started, per department and
// in all, and who did what. A pure function of the program and the meeting's rows.
public sealed record MeetingProgress(int Active, int Verified, IReadOnlyList<DepartmentProgress> Departments,
    IReadOnlyList<MeetingParticipant> People, IReadOnlyList<MeetingProposal> Proposals)
{
    public static MeetingProgress Of(JourneyProgram program, MeetingSession session, DateOnly startedOn)
    {
        var active = program.ActiveTouchpoints().ToList();
        bool Verified(Touchpoint t) => t.LastVerifiedOn is { } on && on >= startedOn;
        var departments = program.Charter.Departments
            .Select(d => new DepartmentProgress(d.Id, d.Name, active.Count(t => t.DepartmentId == d.Id),
                active.Count(t => t.DepartmentId == d.Id && Verified(t))))
            .ToList();
        return new MeetingProgress(active.Count, active.Count(Verified), departments, session.Participants,
            session.Proposals);
    }

    public static bool IsVerified(Touchpoint t, DateOnly startedOn) => t.LastVerifiedOn is { } on && on >= startedOn;
}
