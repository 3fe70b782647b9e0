using JourneyBot.Map;
using JourneyBot.Programs;
using JourneyBot.Reviews;
using JourneyBot.Touchpoints;

namespace JourneyBot.Meetings;

// What the meeting's routes use, handed to them as one.
public sealed record MeetingServices(TabAuthenticator Auth, ProgramStore Programs, ReviewStore Reviews,
    ReviewDecisions Decisions, TouchpointStore Touchpoints, MeetingStore Meetings, StageSignal Signal, MeetingChat Chat,
    MapLinks Links, TimeProvider Clock);
