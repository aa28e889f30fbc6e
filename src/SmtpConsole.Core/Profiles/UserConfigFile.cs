using System.Text.Json;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Platform;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// The user's own settings file, <c>config.json</c> in the user's configuration folder next to <c>profiles/</c>
/// (<c>~/.config/smtpconsole/config.json</c> on Linux). Today it holds one setting, <c>"language"</c>, which pins
/// the interface language below <c>--lang</c>, <c>SMTPCONSOLE_LANG</c> and a profile's own pin.
/// </summary>
public static class UserConfigFile
{
    public const string FileName = "config.json";

    /// <summary>Where the file is for this user (it need not exist), or null when the environment names no home.</summary>
    public static string? PathFor(Func<string, string?> environment, HostPlatform platform) =>
        HostPlatforms.UserFolder(platform, UserFolderKind.Configuration, environment) is { } folder
            ? folder + (platform == HostPlatform.Windows ? "\\" : "/") + FileName
            : null;

    /// <summary>The <c>"language"</c> the file pins, or null when the file or the setting is absent.</summary>
    /// <exception cref="ArgumentException">The file cannot be read, is not JSON, or its language is not text; the message names the file.</exception>
    public static LanguagePin? ReadLanguage(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"{path}: expected a JSON object like {{ \"language\": \"zh-CN\" }}");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!property.Name.Equals("language", StringComparison.OrdinalIgnoreCase)) continue;
                return property.Value.ValueKind == JsonValueKind.String
                    ? new LanguagePin(property.Value.GetString()!, path)
                    : throw new ArgumentException($"{path}: \"language\" must be text: \"{string.Join("\" or \"", UiLanguageResolver.Names)}\"");
            }
            return null;
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{path}: not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {FirstLine(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{path}: cannot be read ({ex.Message})", ex);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
