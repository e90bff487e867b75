namespace SafetyReports.Intake.Api;

/// <param name="Difficulty">Leading zero bits needed; 0 means proof of work is off and the header is not needed.</param>
public sealed record ChallengeResponse(string Challenge, int Difficulty, DateTimeOffset ExpiresAt);
