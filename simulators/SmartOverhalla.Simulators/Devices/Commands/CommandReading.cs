using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Devices.Commands;

/// <summary>
/// What a device made of one payload on its <c>cmd</c> topic: a command to apply, a command to reject
/// (its cmdId could be read, so it can be answered), or nothing it can answer at all.
/// </summary>
/// <param name="CmdId">The command's id; null when none could be read.</param>
/// <param name="Command">The command, when it was valid.</param>
/// <param name="Problem">Why it cannot be applied, when it cannot; the reason of the rejection ack.</param>
internal sealed record CommandReading(string? CmdId, DeviceCommand? Command, string? Problem)
{
    public static CommandReading Valid(DeviceCommand command) => new(command.CmdId, command, null);

    public static CommandReading Invalid(string cmdId, string problem) => new(cmdId, null, problem);

    public static CommandReading Unreadable(string problem) => new(null, null, problem);
}
