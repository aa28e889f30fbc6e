namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the script engine (ScriptReader, ScriptStepper, VariableResolver, /expect) says about a script and its run,
/// worded in <see cref="CoreMessages.Language"/>: replay's <c>#</c> lines and the TUI's F8. <c>file:line</c> and
/// protocol words stay as they are inside Chinese sentences. Texts: <c>Script.*</c> keys of the catalogue.
/// </summary>
public static class ScriptMessages
{
    /// <summary>A sentence about a place (<c>file:line</c>, a step): "{0}: {1}" in English, a full-width colon in Chinese.</summary>
    public static string At(string where, string text) => Say(nameof(At), where, text);

    public static string TranscriptReadsLocalFile(string where, string file) => Say(nameof(TranscriptReadsLocalFile), where, file);

    public static string StoppedBeforeConnecting => Say(nameof(StoppedBeforeConnecting));

    public static string ConnectingTo(string source, string host, string port) => Say(nameof(ConnectingTo), source, host, port);

    public static string ExpectInsidePipeline(string where) => Say(nameof(ExpectInsidePipeline), where);

    public static string NoSuchTarget(string where, string line) => Say(nameof(NoSuchTarget), where, line);

    public static string ConnectRedirected(string where, string line, string host, string port) => Say(nameof(ConnectRedirected), where, line, host, port);

    public static string BodyNotSent(string where) => Say(nameof(BodyNotSent), where);

    public static string DefaultScriptError => Say(nameof(DefaultScriptError));

    public static string DefaultConnectionFailed => Say(nameof(DefaultConnectionFailed));

    public static string GroupCommandRefused(string where, int number, string refusal) => Say(nameof(GroupCommandRefused), where, number, refusal);

    public static string StepFailed(string where, string problem) => Say(nameof(StepFailed), where, problem);

    public static string NoReply => Say(nameof(NoReply));

    public static string RawRefused(string where, string refusal, string codeClass) => Say(nameof(RawRefused), where, refusal, codeClass);

    public static string ExpectationNotMet(string where) => Say(nameof(ExpectationNotMet), where);

    public static string ClosedEarly(string where, string left) => Say(nameof(ClosedEarly), where, left);

    public static string MalformedRefusal(string problem) => Say(nameof(MalformedRefusal), problem);

    public static string ClosingMidScript => Say(nameof(ClosingMidScript));

    public static string Finished => Say(nameof(Finished));

    public static string FailedVerdict => Say(nameof(FailedVerdict));

    public static string UsageVerdict => Say(nameof(UsageVerdict));

    public static string ConnectionVerdict => Say(nameof(ConnectionVerdict));

    public static string Interrupted => Say(nameof(Interrupted));

    public static string ExpectPassed(string detail) => Say(nameof(ExpectPassed), detail);

    public static string ExpectFailed(string detail) => Say(nameof(ExpectFailed), detail);

    public static string ExpectNoReply(string expected) => Say(nameof(ExpectNoReply), expected);

    public static string ExpectMalformed(string expected, string problem) => Say(nameof(ExpectMalformed), expected, problem);

    public static string ExpectGotCode(string expected, string code, string text) => Say(nameof(ExpectGotCode), expected, code, text);

    public static string ExpectPatternTooSlow(string pattern) => Say(nameof(ExpectPatternTooSlow), pattern);

    public static string ExpectTextMismatch(string pattern, string text) => Say(nameof(ExpectTextMismatch), pattern, text);

    public static string ExpectMatches(string code, string expected) => Say(nameof(ExpectMatches), code, expected);

    public static string ExpectNotACode(string text) => Say(nameof(ExpectNotACode), text);

    public static string ExpectUnknownFlag(string flag) => Say(nameof(ExpectUnknownFlag), flag);

    public static string ExpectBadRegex(string pattern, string problem) => Say(nameof(ExpectBadRegex), pattern, problem);

    public static string NoValueFor(string source, string names) => Say(nameof(NoValueFor), source, names);

    public static string VariableInjects(string source, string name) => Say(nameof(VariableInjects), source, name);

    public static string VariableBothQuotes(string name) => Say(nameof(VariableBothQuotes), name);

    public static string LineHasCr(string where) => Say(nameof(LineHasCr), where);

    public static string LineHasNul(string where) => Say(nameof(LineHasNul), where);

    public static string TooManyExpects(string where, int expects, int pipelineStart, int groupSize) => Say(nameof(TooManyExpects), where, expects, pipelineStart, groupSize);

    public static string PipelineNotClosed(string where) => Say(nameof(PipelineNotClosed), where);

    public static string BodyNotEnded(string source) => Say(nameof(BodyNotEnded), source);

    public static string BlockInsideBlock(string where, string helper) => Say(nameof(BlockInsideBlock), where, helper);

    public static string BlockInsideBody(string where, string helper) => Say(nameof(BlockInsideBody), where, helper);

    public static string BlockEndWithoutStart(string where) => Say(nameof(BlockEndWithoutStart), where);

    public static string TranscriptBodyLine(string where, string line) => Say(nameof(TranscriptBodyLine), where, line);

    public static string BlockNotClosed(string where, string helper) => Say(nameof(BlockNotClosed), where, helper);

    public static string AuthWithoutMechanism(string where) => Say(nameof(AuthWithoutMechanism), where);

    public static string BlockWithoutMessage(string where, string helper) => Say(nameof(BlockWithoutMessage), where, helper);

    public static string BlockBadBase64(string where, string helper) => Say(nameof(BlockBadBase64), where, helper);

    public static string DataBlockEndsEarly(string where) => Say(nameof(DataBlockEndsEarly), where);

    public static string RedactedLine(string where) => Say(nameof(RedactedLine), where);

    public static string MalformedVariable(string where) => Say(nameof(MalformedVariable), where);

    public static string NotUtf8(string where, string what) => Say(nameof(NotUtf8), where, what);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Script." + name, args);
}
