namespace SmtpConsole.Core.Profiles;

/// <summary>A key allowed in a profile, its shape and, for objects, the keys allowed inside it.</summary>
internal sealed record ProfileSchemaField(string Key, ProfileFieldKind Kind, IReadOnlyList<ProfileSchemaField> Children);
