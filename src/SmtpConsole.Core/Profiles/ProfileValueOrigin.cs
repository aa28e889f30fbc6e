namespace SmtpConsole.Core.Profiles;

/// <summary>One field of a merged profile and the layer that supplied its final value.</summary>
/// <param name="Field">Field path as written in profile files, e.g. <c>port</c>, <c>tls.caFile</c>, <c>variables.region</c>.</param>
/// <param name="Value">Final value as text (lists joined with <c>", "</c>); <see langword="null"/> when no layer sets it.</param>
/// <param name="Layer">The winning layer, or <see langword="null"/> when unset.</param>
/// <param name="Source">The file path, environment variable name or <c>command line</c> that supplied the value.</param>
/// <param name="Line">1-based line in the file, when the value came from a file.</param>
public sealed record ProfileValueOrigin(string Field, string? Value, ProfileLayer? Layer, string? Source, int? Line);
