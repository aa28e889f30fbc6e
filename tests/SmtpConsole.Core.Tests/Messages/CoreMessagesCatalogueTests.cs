using System.Reflection;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Messages;

/// <summary>
/// The engine's messages come from the one resx catalogue: each member of a message class has a key (its area's
/// prefix + the member's name) in both languages, and reads exactly that text.
/// </summary>
public class CoreMessagesCatalogueTests
{
    private static readonly (Type Type, string Prefix)[] MessageClasses =
    [
        (typeof(CoreMessages), "Core."),
        (typeof(SessionMessages), "Session."),
        (typeof(TlsMessages), "Tls."),
        (typeof(ReplyMessages), "Reply."),
        (typeof(SaslMessages), "Sasl."),
        (typeof(RunnerMessages), "Runner."),
        (typeof(ProxyMessages), "Proxy."),
        (typeof(ScriptMessages), "Script."),
        (typeof(ComposeMessages), "Compose."),
        (typeof(AdviceMessages), "Advice."),
        (typeof(DiagnosisMessages), "Diagnosis."),
        (typeof(ProxyErrorMessages), "ProxyError."),
        (typeof(SaslNoteMessages), "SaslNote."),
        (typeof(SaslDigestMessages), "SaslDigest."),
        (typeof(StepMessages), "Step."),
        (typeof(SaslResponseMessages), "SaslResponse."),
        (typeof(ProfileErrorMessages), "ProfileError."),
    ];

    [Fact]
    public void MessageClasses_AreEveryGeneratedArea_WithItsPrefix()
    {
        // A new [MessageArea] class is checked here too, with the prefix the generator used.
        var areas = typeof(CoreMessages).Assembly.GetTypes()
            .Select(t => (Type: t, Area: t.GetCustomAttribute<MessageAreaAttribute>()))
            .Where(a => a.Area is not null)
            .Select(a => a.Type.Name + " " + a.Area!.Prefix)
            .Order();
        Assert.Equal(MessageClasses.Select(c => c.Type.Name + " " + c.Prefix).Order(), areas);
    }

    public static TheoryData<string, string> Members()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, prefix) in MessageClasses)
        {
            foreach (string name in type.GetMembers(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m is PropertyInfo { PropertyType: var t } && t == typeof(string) || m is MethodInfo { ReturnType: var r, IsSpecialName: false } && r == typeof(string))
                .Select(m => m.Name)
                .Distinct())
                data.Add(type.Name, prefix + name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Member_ReadsItsTextFromTheCatalogue(string typeName, string key)
    {
        var (type, prefix) = MessageClasses.Single(c => c.Type.Name == typeName);
        string name = key[prefix.Length..];
        Assert.True(MessageCatalog.Entries(UiLanguage.English).ContainsKey(key), key + " missing in Strings.resx");
        Assert.True(MessageCatalog.Entries(UiLanguage.SimplifiedChinese).ContainsKey(key), key + " missing in Strings.zh-CN.resx");

        var member = type.GetMember(name, BindingFlags.Public | BindingFlags.Static)[0];
        string shown = member switch
        {
            PropertyInfo p => (string)p.GetValue(null)!,
            MethodInfo m => (string)m.Invoke(null, Arguments(m))!,
            _ => throw new InvalidOperationException(name),
        };
        object?[] args = member is MethodInfo mi ? Arguments(mi) : [];
        Assert.Equal(MessageCatalog.Format(UiLanguage.English, key, args), shown);
    }

    /// <summary>"ARG" for a text, 7 for a number: what the member is called with and the catalogue text is filled with.</summary>
    private static object?[] Arguments(MethodInfo method) =>
        [.. method.GetParameters().Select(p => p.ParameterType == typeof(string) ? "ARG" : Convert.ChangeType(7, p.ParameterType, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Speak_WordsTheEngineInChinese_ForItsFlowOnly_AndEndsWhenDisposed()
    {
        Assert.Equal("connection refused (nothing listens on that port)", SessionMessages.ConnectionRefused);
        using (CoreMessages.Speak(UiLanguage.SimplifiedChinese))
        {
            Assert.Equal("连接被拒绝（该端口上没有服务在监听）", SessionMessages.ConnectionRefused);
            // Work started inside the scope inherits it (the reader loop, TLS callbacks); work outside does not.
            Assert.Equal(UiLanguage.SimplifiedChinese, await Task.Run(() => CoreMessages.Language));
        }
        Assert.Equal(UiLanguage.English, CoreMessages.Language);
    }

    [Fact]
    public void ChineseTexts_KeepProtocolWordsInEnglish()
    {
        Assert.Contains("EHLO", MessageCatalog.Get("Core.HintEhloMissing", UiLanguage.SimplifiedChinese));
        Assert.Contains("STARTTLS", MessageCatalog.Get("Core.HintAuthNeedsTls", UiLanguage.SimplifiedChinese));
        Assert.Equal("缺少 EHLO：在 AUTH 之前先发送带主机名的 EHLO", MessageCatalog.Format(UiLanguage.SimplifiedChinese, "Core.HintEhloFirst", "AUTH"));
    }
}
