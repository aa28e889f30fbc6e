namespace SmtpConsole.Core.Profiles;

/// <summary>
/// A profile's description and notes in one more language, written next to the English in the profile file
/// (<c>"zh-CN": { "description": …, "notes": { "connect": […], "failure": […] } }</c>). Anything it leaves out is shown in English.
/// </summary>
public sealed record ProfileTranslation(string? Description, ProfileNotes Notes);
