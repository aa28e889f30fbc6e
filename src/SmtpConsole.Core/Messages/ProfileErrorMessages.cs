namespace SmtpConsole.Core.Messages;

/// <summary>
/// What is wrong with a profile (profiles/*.json, the user's profiles, environment overrides), worded in
/// <see cref="CoreMessages.Language"/>; JSON field names and values stay as written. Texts: <c>ProfileError.*</c> keys.
/// </summary>
[MessageArea("ProfileError.")]
public static partial class ProfileErrorMessages;
