using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Cli;

/// <summary>How <c>profiles</c> and <c>profiles show</c> name the layer a profile or value comes from, per language.</summary>
internal static class ProfileLayerWording
{
    /// <summary>The layer's word; a <c>--profile-file</c> layer keeps <paramref name="label"/> (its path).</summary>
    public static string Label(ProfileLayer layer, string label, UiLanguage language) => layer switch
    {
        ProfileLayer.Shipped => MessageCatalog.Get("Profiles.Layer.Shipped", language),
        ProfileLayer.User => MessageCatalog.Get("Profiles.Layer.User", language),
        ProfileLayer.Environment => MessageCatalog.Get("Profiles.Layer.Environment", language),
        ProfileLayer.CommandLine => MessageCatalog.Get("Profiles.Layer.CommandLine", language),
        _ => label,
    };
}
