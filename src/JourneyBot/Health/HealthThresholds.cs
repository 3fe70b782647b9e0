namespace JourneyBot.Health;

// Every map-health threshold in one place; README's health table lists the same numbers with their reasons.
// "Flag" means Warn or Fail (not judged yet is neither); each check says which side of its threshold is Warn and
// which Fail.
public static class HealthThresholds
{
    // Output-heavy: flag when output KPIs are at least this share of the metrics. 000 names 80% outputs as the usual
    // balance that crowds outcomes out; three outputs to every outcome is that balance at the size of a charter
    // (4 metrics), while a modest majority (3 of 5, 2 of 3) beside targeted outcomes is not.
    public const double OutputHeavyShare = 0.75;

    // Resources: flag when the people's time adds up to less than this many full-time roles.
    public const double MinTeamFullTimeRoles = 0.5;

    // Sponsor disengaged: this many progress cards in a row that no sponsor acknowledged (a card counts once it is
    // this many days old). 001: "always keep your chief sponsors and stakeholders updated on your progress".
    public const int UnacknowledgedCardsInARow = 3;
    public const int AcknowledgeGraceDays = 7;

    // Scope: a focused journey has 3-8 stages; flag above this (grace of two).
    public const int MaxFocusedStages = 10;

    // Silo: flag below this many contributing departments, when one department wrote more than this share, or
    // when a charter department has contributed nothing this many days after collection opened.
    public const int MinContributingDepartments = 3;
    public const double MaxOneDepartmentShare = 0.6;
    public const int SilentDepartmentGraceDays = 21;

    // Share checks judge only maps with at least this many active touchpoints.
    public const int MinTouchpointsToJudge = 5;

    // Personas: flag below two; above this share untagged; above this share tagged with every persona.
    public const int MinPersonas = 2;
    public const double MaxUntaggedShare = 0.2;
    public const double MaxAllPersonasShare = 0.85;

    // Assumptions over data: flag when fewer than this share have evidence; fail below the second.
    public const double EvidenceShareMin = 0.5;
    public const double EvidenceShareFail = 0.25;

    // Emotion: flag below this share with emotion, or when every recorded emotion is the same value.
    public const double EmotionShareMin = 0.6;

    // Verbatims: flag below this share with the customer's own words.
    public const double VerbatimShareMin = 0.2;

    // Employee side: flag below this share naming who delivers and with which system, or no employee pain at all.
    public const double BackstageShareMin = 0.5;
    // ... and employees' pain on at least this share: one in ten touchpoints, so a large map cannot pass on a token.
    public const double EmployeePainShareMin = 0.1;

    // Stale map: a cadence longer than a quarter is not a living map; a review is late after cadence x (1 + grace),
    // failing after cadence x ReviewLateFail; touchpoints count as fresh when verified within FreshWindowCadences.
    public const int MaxLivingCadenceDays = 92;
    public const double ReviewGrace = 0.25;
    public const double ReviewLateFail = 2.0;
    public const int FreshWindowCadences = 2;
    public const double FreshShareMin = 0.5;

    // Outcome metrics read: warn when an outcome metric's latest figure (or the opening day, before its first) is
    // more than this many of its cadences old. One missed reading is a busy month; two is a metric nobody reads.
    public const int UnreadCadences = 2;

    // Actions: critical pain points sit on touchpoints with emotion at or below this; flag when fewer than this
    // share of them have a live action.
    public const int CriticalEmotionMax = -1;
    public const double CriticalWithActionMin = 0.5;

    // Overdue: an action counts once it is this many days late; flag above this share of live actions, or any
    // action late by more than LongOverdueDays.
    public const int OverdueGraceDays = 7;
    public const double OverdueShareMax = 0.3;
    public const int LongOverdueDays = 60;

    // Contributors: flag below this many people, or when one person wrote more than this share.
    public const int MinContributors = 4;
    public const double MaxOnePersonShare = 0.5;
}
