using System.Globalization;
using SmartOverhalla.Lighting.Configuration.Yaml;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>Validates the profiles of a zone file and builds the valid ones.</summary>
internal static class ProfileReader
{
    /// <summary>A night, for ordering clock steps, runs from 12:00 to 11:59 the next morning.</summary>
    private static readonly TimeOnly NightStarts = new(12, 0);

    /// <summary>
    /// Reads <paramref name="profiles"/>, adding a problem for each fault. Returns the valid profiles by id;
    /// <paramref name="declared"/> gets every id written, valid or not, so that a zone using a broken profile is
    /// not reported a second time as using an unknown one.
    /// </summary>
    public static Dictionary<string, DimmingProfile> Read(
        List<ZoneFileProfile?>? profiles,
        List<ConfigurationProblem> problems,
        HashSet<string> declared)
    {
        var valid = new Dictionary<string, DimmingProfile>(StringComparer.Ordinal);
        if (profiles is null || profiles.Count == 0)
        {
            problems.Add(new("profiles", "the file defines no profiles"));
            return valid;
        }

        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < profiles.Count; index++)
        {
            var profile = profiles[index];
            var where = profile?.Id is { Length: > 0 } id ? $"profile '{id}'" : $"profile #{index + 1}";
            if (profile is null)
            {
                problems.Add(new(where, "is empty"));
                continue;
            }

            var problemsBefore = problems.Count;
            if (string.IsNullOrWhiteSpace(profile.Id))
            {
                problems.Add(new(where, "id is missing"));
            }
            else if (!Slug.IsValid(profile.Id))
            {
                problems.Add(new(where, $"id must be {Slug.Rule}"));
            }
            else if (firstIndexOf.TryGetValue(profile.Id, out var first))
            {
                problems.Add(new(where, $"id is defined twice (profiles #{first + 1} and #{index + 1})"));
            }
            else
            {
                firstIndexOf[profile.Id] = index;
            }

            if (profile.Id is { Length: > 0 })
            {
                declared.Add(profile.Id);
            }

            var steps = ReadSteps(where, profile.Steps, problems);
            if (problems.Count == problemsBefore)
            {
                valid[profile.Id!] = new DimmingProfile(profile.Id!, profile.Description, steps);
            }
        }

        return valid;
    }

    private static List<DimmingStep> ReadSteps(string where, List<ZoneFileStep?>? steps, List<ConfigurationProblem> problems)
    {
        var result = new List<DimmingStep>();
        if (steps is null || steps.Count == 0)
        {
            problems.Add(new(where, "has no steps"));
            return result;
        }

        (int Number, StepTrigger.Clock Trigger)? previousClock = null;
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            var stepWhere = step?.At is { } at ? $"{where} step {index + 1} (at: {at})" : $"{where} step {index + 1}";
            if (step is null)
            {
                problems.Add(new(stepWhere, "is empty"));
                continue;
            }

            StepTrigger? trigger = null;
            if (string.IsNullOrWhiteSpace(step.At))
            {
                problems.Add(new(stepWhere, "'at' is missing: give a time (HH:mm) or an event such as sunset-10m"));
            }
            else if (!StepTriggerParser.TryParse(step.At, out trigger, out var error))
            {
                problems.Add(new(stepWhere, error!));
            }

            var level = ReadLevel(stepWhere, step.Level, problems);

            if (trigger is StepTrigger.Clock clock)
            {
                // Clock steps must be listed in the order they happen in the night, so that the list order is
                // the time order the planner keeps (README, "Profiles").
                if (previousClock is { } previous && NightOrder(clock.Time) <= NightOrder(previous.Trigger.Time))
                {
                    var problem = clock.Time == previous.Trigger.Time
                        ? $"has the same time as step {previous.Number}: keep one of them"
                        : $"is listed after step {previous.Number} ({previous.Trigger.Rule}) but comes before it in the night (12:00 → 11:59): list steps in the order they happen";
                    problems.Add(new(stepWhere, problem));
                }

                previousClock = (index + 1, clock);
            }

            if (trigger is not null && level is not null)
            {
                result.Add(new DimmingStep(trigger, level.Value));
            }
        }

        return result;
    }

    private static int? ReadLevel(string where, string? text, List<ConfigurationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(where, "'level' is missing: give a dim level from 0 (off) to 100"));
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level))
        {
            problems.Add(new(where, $"level '{text}' is not a whole number from 0 to 100"));
            return null;
        }

        if (level is < DimmingStep.MinLevel or > DimmingStep.MaxLevel)
        {
            problems.Add(new(where, $"level {level} is outside 0–100"));
            return null;
        }

        return level;
    }

    /// <summary>Time since the night started at 12:00 (TimeOnly subtraction wraps past midnight).</summary>
    private static TimeSpan NightOrder(TimeOnly time) => time - NightStarts;
}
