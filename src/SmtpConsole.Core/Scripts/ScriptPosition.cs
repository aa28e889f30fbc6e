namespace SmtpConsole.Core.Scripts;

/// <summary>Where a script being stepped through stands: the next line's number in the file, its place among the steps, or finished.</summary>
/// <param name="Name">The script's file name.</param>
/// <param name="Finished">True when no step is left (run to the end, or stopped).</param>
/// <param name="NextLineNumber">The next step's line number in the file (0 when finished).</param>
/// <param name="NextStep">The next step, counted from 1 (0 when finished).</param>
/// <param name="StepCount">How many steps the script has.</param>
public readonly record struct ScriptPosition(string Name, bool Finished, int NextLineNumber, int NextStep, int StepCount);
