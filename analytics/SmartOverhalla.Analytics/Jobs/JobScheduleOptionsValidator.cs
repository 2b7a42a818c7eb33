using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>Source-generated validation of every job's <see cref="JobScheduleOptions"/> (attributes), run at start.</summary>
[OptionsValidator]
internal sealed partial class JobScheduleOptionsValidator : IValidateOptions<JobScheduleOptions>;
